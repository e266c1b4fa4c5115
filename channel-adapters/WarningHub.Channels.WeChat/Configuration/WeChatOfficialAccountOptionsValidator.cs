using Microsoft.Extensions.Options;
using WarningHub.Channels.WeChat.OfficialAccount;

namespace WarningHub.Channels.WeChat;

/// <summary>Checks <see cref="WeChatOfficialAccountOptions"/> at start-up and reports every problem at once, naming each property.</summary>
public sealed class WeChatOfficialAccountOptionsValidator : IValidateOptions<WeChatOfficialAccountOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WeChatOfficialAccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Fail(string property, string problem) => failures.Add($"WeChat official account '{name}': {property} {problem}");

        OptionChecks.Required(options.AppId, nameof(options.AppId), Fail);
        OptionChecks.Required(options.AppSecret, nameof(options.AppSecret), Fail);
        OptionChecks.HttpBase(options.ApiBase, nameof(options.ApiBase), Fail);
        OptionChecks.Required(options.DefaultTemplateId, nameof(options.DefaultTemplateId), Fail);

        // WeChat's server configuration accepts a Token of 3 to 32 letters and digits.
        if (options.CallbackToken is not { Length: >= 3 and <= 32 } token || !token.All(char.IsAsciiLetterOrDigit))
        {
            Fail(nameof(options.CallbackToken), "must be 3 to 32 ASCII letters or digits, as entered in the account's server configuration.");
        }

        if (!string.IsNullOrEmpty(options.EncodingAesKey) && WeChatMessageCrypto.KeyOf(options.EncodingAesKey) is null)
        {
            Fail(nameof(options.EncodingAesKey), "must be the 43 characters (letters, digits, + or /) of the account's EncodingAESKey.");
        }

        if (options.Templates is null || options.Templates.Any(t => string.IsNullOrWhiteSpace(t.Key) || string.IsNullOrWhiteSpace(t.Value)))
        {
            Fail(nameof(options.Templates), "must map event/level keys to non-empty template ids.");
        }

        CheckFieldMap(options.FieldMap, Fail);
        CheckDetailUrl(options.DetailUrl, Fail);

        OptionChecks.Range(options.RatePerSecond, 1, 10_000, nameof(options.RatePerSecond), Fail);
        OptionChecks.Range(options.TokenRefreshMargin, TimeSpan.Zero, TimeSpan.FromMinutes(60), nameof(options.TokenRefreshMargin), Fail);
        OptionChecks.Range(options.RequestTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), nameof(options.RequestTimeout), Fail);
        OptionChecks.Range(options.MaxInFlight, 1, 10_000, nameof(options.MaxInFlight), Fail);
        OptionChecks.Range(options.CallbackMaxBytes, 1024, 1024 * 1024, nameof(options.CallbackMaxBytes), Fail);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckFieldMap(Dictionary<string, string>? map, Action<string, string> fail)
    {
        if (map is null || map.Count == 0)
        {
            fail(nameof(WeChatOfficialAccountOptions.FieldMap), "must map at least one template key.");
            return;
        }

        if (map.Keys.Any(k => k.Length == 0 || !k.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            fail(nameof(WeChatOfficialAccountOptions.FieldMap), "keys must be template keys such as first, keyword1 or thing1.");
        }

        if (map.Values.Any(v => !FieldPattern.IsWellFormed(v)))
        {
            fail(nameof(WeChatOfficialAccountOptions.FieldMap), "values must be patterns with balanced {field} placeholders.");
        }

        CheckHiddenFields(map, fail);
        CheckStatusMark(map, fail);
    }

    /// <summary>WeChat no longer shows first and remark: what a follower must read may not go there.</summary>
    private static void CheckHiddenFields(Dictionary<string, string> map, Action<string, string> fail)
    {
        foreach (var (key, pattern) in map.Where(f => HiddenFields.IsHidden(f.Key) && FieldPattern.IsWellFormed(f.Value)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            foreach (var name in FieldPattern.Placeholders(pattern).Where(HiddenFields.MustBeSeen.Contains).Distinct())
            {
                fail($"{nameof(WeChatOfficialAccountOptions.FieldMap)}:{key}",
                    $"must not hold {{{name}}}: WeChat has not shown '{key}' since May 2023, so followers would never see it. Put it in a keyword field (keyword1, thing1, ...).");
            }
        }
    }

    /// <summary>
    /// The Test/Exercise mark must open a shown field, so it is read first and survives the cut of a long value; a
    /// phrase (5 Chinese characters, no punctuation) cannot hold it.
    /// </summary>
    private static void CheckStatusMark(Dictionary<string, string> map, Action<string, string> fail)
    {
        var marked = map.Where(f => !HiddenFields.IsHidden(f.Key) && f.Value is not null && f.Value.StartsWith(FieldPattern.StatusMark, StringComparison.Ordinal)).ToList();
        if (marked.Count == 0)
        {
            fail(nameof(WeChatOfficialAccountOptions.FieldMap),
                $"must open a shown field (not first or remark) with {FieldPattern.StatusMark}, e.g. keyword1 = {FieldPattern.StatusMark}{{headline}}, so Test and Exercise warnings are visibly different.");
        }

        foreach (var (key, _) in marked.Where(f => TemplateValueLimits.MaxLength(f.Key) < 10))
        {
            fail($"{nameof(WeChatOfficialAccountOptions.FieldMap)}:{key}", $"is too short for {FieldPattern.StatusMark}: WeChat takes at most {TemplateValueLimits.MaxLength(key)} characters there. Open a thing or keyword field with it.");
        }
    }

    private static void CheckDetailUrl(string? url, Action<string, string> fail)
    {
        if (url is null)
        {
            return;
        }

        var sample = FieldPattern.IsWellFormed(url) ? FieldPattern.Render(url, _ => "x", escape: false) : string.Empty;
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            fail(nameof(WeChatOfficialAccountOptions.DetailUrl), "must be an absolute http or https URL pattern.");
        }
    }
}
