namespace WarningHub.Core.Tests.Cap;

/// <summary>
/// A bilingual warning written the way agencies write them (synthetic, not a real warning): the Chinese info
/// locates the county and a town by division code and a foreign-scheme geocode rides along; the English
/// translation describes its area in words only.
/// </summary>
internal static class BilingualSample
{
    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>51112441600000_20260715023000</identifier>
          <sender>jingyan.qxj@weather.example</sender>
          <sent>2026-07-15T02:30:00+08:00</sent>
          <status>Actual</status>
          <msgType>Alert</msgType>
          <scope>Public</scope>
          <info>
            <language>zh-CN</language>
            <category>Met</category>
            <event>暴雨</event>
            <urgency>Immediate</urgency>
            <severity>Extreme</severity>
            <certainty>Likely</certainty>
            <expires>2026-07-15T14:30:00+08:00</expires>
            <senderName>井研县气象台</senderName>
            <headline>井研县气象台发布暴雨红色预警信号</headline>
            <description>过去3小时我县大部地区降雨量已超过100毫米，预计强降雨仍将持续。</description>
            <instruction>山区、河谷、低洼地带人员立即转移到安全地带。</instruction>
            <parameter><valueName>预警级别</valueName><value>红色</value></parameter>
            <area>
              <areaDesc>井研县全境，重点为研城街道</areaDesc>
              <geocode><valueName>行政区划代码</valueName><value>511124000000</value></geocode>
              <geocode><valueName>GB/T 2260</valueName><value>511124001000</value></geocode>
              <geocode><valueName>EMMA_ID</valueName><value>CN99999</value></geocode>
            </area>
          </info>
          <info>
            <language>en-US</language>
            <category>Met</category>
            <event>Rainstorm</event>
            <urgency>Immediate</urgency>
            <severity>Extreme</severity>
            <certainty>Likely</certainty>
            <expires>2026-07-15T14:30:00+08:00</expires>
            <senderName>Jingyan County Meteorological Observatory</senderName>
            <headline>Red rainstorm warning for Jingyan County</headline>
            <description>More than 100 mm of rain has fallen in most of the county in the past 3 hours.</description>
            <instruction>Leave valleys and low-lying areas for safe ground now.</instruction>
            <parameter><valueName>warningLevel</valueName><value>Red</value></parameter>
            <area>
              <areaDesc>All of Jingyan County, especially Yancheng Subdistrict</areaDesc>
            </area>
          </info>
        </alert>
        """;
}
