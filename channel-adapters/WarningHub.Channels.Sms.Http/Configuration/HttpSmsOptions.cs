namespace WarningHub.Channels.Sms.Http;

/// <summary>Which HTTP SMS API a gateway speaks.</summary>
public enum HttpSmsProfile
{
    /// <summary>Any HTTP API described by the settings: URL, method, auth, body template and the answer's mapping.</summary>
    Generic,

    /// <summary>Kannel's smsbox <c>/cgi-bin/sendsms</c>, receipts through <c>dlr-url</c> callbacks.</summary>
    Kannel,

    /// <summary>A cloud SMS API in the style of the large Chinese platforms: signed requests, templates, batches, receipts pulled.</summary>
    Cloud,
}

/// <summary>How a request proves who sends it (Generic profile).</summary>
public enum HttpSmsAuth
{
    /// <summary>No credentials (a gateway on a private network, or credentials in the body template).</summary>
    None,

    /// <summary><see cref="HttpSmsOptions.ApiKey"/> in the header <see cref="HttpSmsOptions.AuthHeader"/>.</summary>
    Header,

    /// <summary>HTTP Basic with <see cref="HttpSmsOptions.Username"/> and <see cref="HttpSmsOptions.Password"/>.</summary>
    Basic,

    /// <summary>timestamp, nonce and an HMAC-SHA256 <c>sign</c> of the sorted query, keyed with <see cref="HttpSmsOptions.ApiKey"/>.</summary>
    HmacQuery,
}

/// <summary>How the fields of a request travel (Generic profile).</summary>
public enum HttpSmsBody
{
    /// <summary>application/x-www-form-urlencoded.</summary>
    Form,

    /// <summary>A JSON object of string members.</summary>
    Json,

    /// <summary>In the query string, with no body (GET APIs such as Kannel's).</summary>
    Query,
}

/// <summary>How delivery receipts come back.</summary>
public enum HttpSmsReceipts
{
    /// <summary>None: slots stay Sent until the receipt window ends.</summary>
    None,

    /// <summary>The gateway calls the hub: <c>GET or POST /api/v1/sms/http/{gateway}/receipts</c>, authenticated by <see cref="HttpSmsOptions.CallbackToken"/>.</summary>
    Callback,

    /// <summary>
    /// The hub pulls them every <see cref="HttpSmsOptions.PollInterval"/>: the Cloud profile from its receipts API, the
    /// Generic profile from <see cref="HttpSmsOptions.PollUrl"/>, read by the Poll* paths.
    /// </summary>
    Polling,
}

/// <summary>Settings of one HTTP SMS gateway, <c>WarningHub:Sms:Http:&lt;name&gt;</c>. Checked at start-up by <see cref="HttpSmsOptionsValidator"/>.</summary>
public sealed class HttpSmsOptions
{
    /// <summary>The API spoken. <value>Generic.</value></summary>
    public HttpSmsProfile Profile { get; set; } = HttpSmsProfile.Generic;

    /// <summary>
    /// Where requests go: the send URL (Generic), smsbox's base such as http://10.0.0.5:13013 (Kannel: /cgi-bin/sendsms
    /// is added), or the API base (Cloud: /v1/sms/send and /v1/sms/receipts are added).
    /// </summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>HTTP method of a send (Generic). <value>POST.</value></summary>
    public string Method { get; set; } = "POST";

    /// <summary>Credentials of a Generic request. <value>None.</value></summary>
    public HttpSmsAuth Auth { get; set; } = HttpSmsAuth.None;

    /// <summary>Header that carries <see cref="ApiKey"/> with Auth Header. <value>Authorization.</value></summary>
    public string AuthHeader { get; set; } = "Authorization";

    /// <summary>The API key (Auth Header) or HMAC key (Auth HmacQuery). A secret.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>User name for Basic, or Kannel's sendsms username.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>Password for Basic, or Kannel's sendsms password. A secret.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>The sender shown to recipients (Kannel's <c>from</c>, the access number). <value>None: smsbox's default-sender.</value></summary>
    public string? Sender { get; set; }

    /// <summary>How the fields travel (Generic). <value>Form.</value></summary>
    public HttpSmsBody Body { get; set; } = HttpSmsBody.Form;

    /// <summary>
    /// The request's fields (Generic), each a template with placeholders {phone}, {phones} (comma-separated), {phoneArray}
    /// (a JSON array of the numbers; in a Json body a field that is only {phoneArray} becomes a real array), {text},
    /// {reference} (the hub's slot), {correlation} (the id receipts are matched by) and {receiptUrl}. With MaxBatch above
    /// 1 only {phones}, {phoneArray} and {text} may be used: the others name one message.
    /// </summary>
    public Dictionary<string, string> Fields { get; init; } = new(StringComparer.Ordinal);

    /// <summary>HTTP status codes that mean "accepted" (Generic). <value>200 and 202.</value></summary>
    public List<int> SuccessStatus { get; init; } = [];

    /// <summary>Dotted JSON path of the gateway's message id in the answer, such as data.msgid (Generic). <value>None: the hub's correlation id is used.</value></summary>
    public string? MessageIdPath { get; set; }

    /// <summary>A regex whose first group is the message id, for answers that are not JSON (Generic). <value>None.</value></summary>
    public string? MessageIdRegex { get; set; }

    /// <summary>Dotted JSON path of the gateway's result code (Generic); with <see cref="SuccessCode"/> an answer of another code fails. <value>None.</value></summary>
    public string? ErrorCodePath { get; set; }

    /// <summary>The value at <see cref="ErrorCodePath"/> that means success, such as 0 or OK. <value>None.</value></summary>
    public string? SuccessCode { get; set; }

    /// <summary>Dotted JSON path of the gateway's error message (Generic). <value>None.</value></summary>
    public string? ErrorMessagePath { get; set; }

    /// <summary>
    /// Dotted JSON path of the list of per-number results in the answer, such as <c>data.results</c> (Generic; required
    /// with MaxBatch above 1). Each result is read by the Result* paths. <value>None: one result for the whole request.</value>
    /// </summary>
    public string? ResultsPath { get; set; }

    /// <summary>Path of the number inside one result, which maps it back to its message. <value>None: results are in the order of the numbers sent.</value></summary>
    public string? ResultNumberPath { get; set; }

    /// <summary>Path of the gateway's message id inside one result; required when a batching gateway sends receipts. <value>None.</value></summary>
    public string? ResultIdPath { get; set; }

    /// <summary>Path of the per-number result code inside one result; with <see cref="ResultSuccessCode"/> another code refuses that number. <value>None.</value></summary>
    public string? ResultCodePath { get; set; }

    /// <summary>The value at <see cref="ResultCodePath"/> that means the number was taken. <value>None.</value></summary>
    public string? ResultSuccessCode { get; set; }

    /// <summary>A regex the whole answer body must match to count as accepted (Kannel: <c>^0: Accepted</c>). <value>None.</value></summary>
    public string? SuccessRegex { get; set; }

    /// <summary>How receipts come back. <value>None (Generic), Callback (Kannel), Polling (Cloud).</value></summary>
    public HttpSmsReceipts? Receipts { get; set; }

    /// <summary>
    /// The hub's own address as the gateway reaches it, for the receipt callback URL. <value>None: the hub fills in
    /// Engine:PublicBaseUrl.</value>
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Secret the gateway must present with a receipt callback (query <c>token</c> or header X-Callback-Token). A secret.</summary>
    public string CallbackToken { get; set; } = string.Empty;

    /// <summary>Callback field holding the correlation id. <value>id.</value></summary>
    public string ReceiptIdField { get; set; } = "id";

    /// <summary>Callback field holding the status. <value>status.</value></summary>
    public string ReceiptStatusField { get; set; } = "status";

    /// <summary>Status values meaning delivered. <value>1 (Kannel's DLR type), DELIVRD, DELIVERED.</value></summary>
    public List<string> DeliveredValues { get; init; } = [];

    /// <summary>Status values meaning failed. <value>2 and 16 (Kannel), UNDELIV, FAILED, EXPIRED, REJECTD.</value></summary>
    public List<string> FailedValues { get; init; } = [];

    /// <summary>Pause between receipt pulls (Cloud, Generic with Polling). <value>5 seconds.</value></summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Receipts asked for per pull; a full page is followed by another pull at once (Cloud, Generic with Polling). <value>500.</value></summary>
    public int PollBatch { get; set; } = 500;

    /// <summary>
    /// Where a Generic gateway's receipts are pulled from (required with Receipts Polling). The request carries the same
    /// Auth as a send. <value>None.</value>
    /// </summary>
    public string? PollUrl { get; set; }

    /// <summary>HTTP method of a receipt pull (Generic): GET (fields in the query) or POST (fields as Body says). <value>GET.</value></summary>
    public string PollMethod { get; set; } = "GET";

    /// <summary>Fields of a receipt pull (Generic), templates whose only placeholder is {pageSize} (PollBatch). <value>None.</value></summary>
    public Dictionary<string, string> PollFields { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Dotted JSON path of the list of receipts in a pull's answer (Generic), such as <c>data.reports</c>. <value>None: the answer is the list.</value></summary>
    public string? PollListPath { get; set; }

    /// <summary>Path of the message id inside one pulled receipt (Generic): the gateway's id, or the hub's {correlation}. <value>id.</value></summary>
    public string PollIdPath { get; set; } = "id";

    /// <summary>Path of the status inside one pulled receipt (Generic), read against DeliveredValues and FailedValues. <value>status.</value></summary>
    public string PollStatusPath { get; set; } = "status";

    /// <summary>The cloud account's AccessKey id (Cloud).</summary>
    public string AccessKeyId { get; set; } = string.Empty;

    /// <summary>The cloud account's AccessKey secret, the HMAC key of every request (Cloud). A secret.</summary>
    public string AccessKeySecret { get; set; } = string.Empty;

    /// <summary>The approved signature name (签名), without 【】 (Cloud).</summary>
    public string SignName { get; set; } = string.Empty;

    /// <summary>The approved template's code (模板 CODE) (Cloud).</summary>
    public string TemplateCode { get; set; } = string.Empty;

    /// <summary>The template parameter the warning text goes in (Cloud). <value>content.</value></summary>
    public string TextParameter { get; set; } = "content";

    /// <summary>Most requests per sliding second; never exceeded. <value>0 (unlimited).</value></summary>
    public int RateLimitPerSecond { get; set; }

    /// <summary>Time allowed for one request, answer included. <value>10 seconds.</value></summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed to open the TCP connection; a connect that fails sent nothing. <value>3 seconds.</value></summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Most numbers in one request: Cloud up to 1000; Generic above 1 when the gateway takes a list ({phones} or
    /// {phoneArray}) and answers per number (<see cref="ResultsPath"/>). <value>1 (Cloud: 1000).</value>
    /// </summary>
    public int MaxBatch { get; set; }

    /// <summary>How long a send waits for others with the same text to share its request (MaxBatch above 1). <value>20 milliseconds.</value></summary>
    public TimeSpan BatchLinger { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Requests in flight at once. <value>4.</value></summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Prefixed to every text that does not already start with it, e.g. 【井研县应急管理局】 (not Cloud: SignName does it). <value>None.</value></summary>
    public string? Signature { get; set; }

    /// <summary>Longest text in 67-character parts; longer texts fail permanently. <value>10.</value></summary>
    public int MaxParts { get; set; } = 10;

    /// <summary>How often a gateway that is down is probed with a TCP connect (nothing sent). <value>5 seconds.</value></summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    internal HttpSmsReceipts EffectiveReceipts => Receipts ?? Profile switch
    {
        HttpSmsProfile.Kannel => HttpSmsReceipts.Callback,
        HttpSmsProfile.Cloud => HttpSmsReceipts.Polling,
        _ => HttpSmsReceipts.None,
    };

    internal int EffectiveMaxBatch => MaxBatch > 0 ? MaxBatch : Profile == HttpSmsProfile.Cloud ? 1000 : 1;

    internal IReadOnlyCollection<int> EffectiveSuccessStatus => SuccessStatus.Count > 0 ? SuccessStatus : [200, 202];

    internal IReadOnlyCollection<string> EffectiveDelivered => DeliveredValues.Count > 0 ? DeliveredValues : ["1", "DELIVRD", "DELIVERED"];

    internal IReadOnlyCollection<string> EffectiveFailed => FailedValues.Count > 0 ? FailedValues : ["2", "16", "UNDELIV", "FAILED", "EXPIRED", "REJECTD"];
}
