namespace WarningHub.Core.Tests.Cap;

/// <summary>
/// The example messages of the CAP 1.2 specification (OASIS Standard, 1 July 2010, Appendix A),
/// written out from the specification text.
/// </summary>
internal static class SpecificationExamples
{
    /// <summary>A.1 Homeland Security Advisory System alert.</summary>
    public const string HomelandSecurityAdvisory = """
        <?xml version = "1.0" encoding = "UTF-8"?>
        <alert xmlns = "urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>43b080713727</identifier>
          <sender>hsas@dhs.gov</sender>
          <sent>2003-04-02T14:39:01-05:00</sent>
          <status>Actual</status>
          <msgType>Alert</msgType>
          <scope>Public</scope>
          <info>
            <category>Security</category>
            <event>Homeland Security Advisory System Update</event>
            <urgency>Immediate</urgency>
            <severity>Severe</severity>
            <certainty>Likely</certainty>
            <senderName>U.S. Government, Department of Homeland Security</senderName>
            <headline>Homeland Security Sets Code ORANGE</headline>
            <description>The Department of Homeland Security has elevated the Homeland Security Advisory System threat level to ORANGE / High in response to intelligence which may indicate a heightened threat of terrorism.</description>
            <instruction> A High Condition is declared when there is a high risk of terrorist attacks. In addition to the Protective Measures taken in the previous Threat Conditions, Federal departments and agencies should consider agency-specific Protective Measures in accordance with their existing plans.</instruction>
            <web>http://www.dhs.gov/dhspublic/display?theme=29</web>
            <parameter>
              <valueName>HSAS</valueName>
              <value>ORANGE</value>
            </parameter>
            <resource>
              <resourceDesc>Image file (GIF)</resourceDesc>
              <mimeType>image/gif</mimeType>
              <uri>http://www.dhs.gov/dhspublic/getAdvisoryImage</uri>
            </resource>
            <area>
              <areaDesc>U.S. nationwide and interests worldwide</areaDesc>
            </area>
          </info>
        </alert>
        """;

    /// <summary>A.2 Severe thunderstorm warning.</summary>
    public const string SevereThunderstormWarning = """
        <?xml version = "1.0" encoding = "UTF-8"?>
        <alert xmlns = "urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>KSTO1055887203</identifier>
          <sender>KSTO@NWS.NOAA.GOV</sender>
          <sent>2003-06-17T14:57:00-07:00</sent>
          <status>Actual</status>
          <msgType>Alert</msgType>
          <scope>Public</scope>
          <info>
            <category>Met</category>
            <event>SEVERE THUNDERSTORM</event>
            <responseType>Shelter</responseType>
            <urgency>Immediate</urgency>
            <severity>Severe</severity>
            <certainty>Observed</certainty>
            <eventCode>
              <valueName>SAME</valueName>
              <value>SVR</value>
            </eventCode>
            <expires>2003-06-17T16:00:00-07:00</expires>
            <senderName>NATIONAL WEATHER SERVICE SACRAMENTO CA</senderName>
            <headline>SEVERE THUNDERSTORM WARNING</headline>
            <description> AT 254 PM PDT...NATIONAL WEATHER SERVICE DOPPLER RADAR INDICATED A SEVERE THUNDERSTORM OVER SOUTH CENTRAL ALPINE COUNTY...OR ABOUT 18 MILES SOUTHEAST OF KIRKWOOD...MOVING SOUTHWEST AT 5 MPH. HAIL...INTENSE RAIN AND STRONG DAMAGING WINDS ARE LIKELY WITH THIS STORM.</description>
            <instruction>TAKE COVER IN A SUBSTANTIAL SHELTER UNTIL THE STORM PASSES.</instruction>
            <contact>BARUFFALDI/JUSKIE</contact>
            <area>
              <areaDesc>EXTREME NORTH CENTRAL TUOLUMNE COUNTY IN CALIFORNIA, EXTREME NORTHEASTERN CALAVERAS COUNTY IN CALIFORNIA, SOUTHWESTERN ALPINE COUNTY IN CALIFORNIA</areaDesc>
              <polygon>38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14</polygon>
              <geocode>
                <valueName>SAME</valueName>
                <value>006109</value>
              </geocode>
              <geocode>
                <valueName>SAME</valueName>
                <value>006009</value>
              </geocode>
              <geocode>
                <valueName>SAME</valueName>
                <value>006003</value>
              </geocode>
            </area>
          </info>
        </alert>
        """;

    /// <summary>A.3 Earthquake report (an Update message, with references and a circle).</summary>
    public const string EarthquakeReport = """
        <?xml version = "1.0" encoding = "UTF-8"?>
        <alert xmlns = "urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>TRI13970876.2</identifier>
          <sender>trinet@caltech.edu</sender>
          <sent>2003-06-11T20:56:00-07:00</sent>
          <status>Actual</status>
          <msgType>Update</msgType>
          <scope>Public</scope>
          <references>trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00</references>
          <info>
            <category>Geo</category>
            <event>Earthquake</event>
            <urgency>Past</urgency>
            <severity>Minor</severity>
            <certainty>Observed</certainty>
            <senderName>Southern California Seismic Network (TriNet) operated by Caltech and USGS</senderName>
            <headline>EQ 3.4 Imperial County CA</headline>
            <description>A minor earthquake measuring 3.4 on the Richter scale occurred near Brawley, California at 8:30 PM Pacific Daylight Time on Wednesday, June 11, 2003. (This event has now been reviewed by a seismologist)</description>
            <web>http://www.trinet.org/scsn/scsn.html</web>
            <parameter>
              <valueName>EventID</valueName>
              <value>13970876</value>
            </parameter>
            <parameter>
              <valueName>Version</valueName>
              <value>1</value>
            </parameter>
            <parameter>
              <valueName>Magnitude</valueName>
              <value>3.4 Ml</value>
            </parameter>
            <parameter>
              <valueName>Depth</valueName>
              <value>11.8 mi.</value>
            </parameter>
            <parameter>
              <valueName>Quality</valueName>
              <value>Excellent</value>
            </parameter>
            <area>
              <areaDesc>1 mi. WSW of Brawley, CA; 11 mi. N of El Centro, CA; 30 mi. E of OCOTILLO (quarry); 1 mi. N of the Imperial Fault</areaDesc>
              <circle>32.9525,-115.5527 0</circle>
            </area>
          </info>
        </alert>
        """;

    public static TheoryData<string, string> All => new()
    {
        { nameof(HomelandSecurityAdvisory), HomelandSecurityAdvisory },
        { nameof(SevereThunderstormWarning), SevereThunderstormWarning },
        { nameof(EarthquakeReport), EarthquakeReport },
    };
}
