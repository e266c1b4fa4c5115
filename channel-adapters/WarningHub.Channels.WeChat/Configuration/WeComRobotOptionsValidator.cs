using Microsoft.Extensions.Options;

namespace WarningHub.Channels.WeChat;

/// <summary>Checks <see cref="WeComRobotOptions"/> at start-up and reports every problem at once, naming each property.</summary>
public sealed class WeComRobotOptionsValidator : IValidateOptions<WeComRobotOptions>
{
    /// <summary>WeCom's documented limit per robot.</summary>
    public const int WeComLimitPerMinute = 20;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WeComRobotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Fail(string property, string problem) => failures.Add($"WeCom robots: {property} {problem}");

        OptionChecks.HttpBase(options.ApiBase, nameof(options.ApiBase), Fail);
        if (options.Robots is null || options.Robots.Count == 0)
        {
            Fail(nameof(options.Robots), "must name at least one robot.");
        }
        else
        {
            if (options.Robots.Keys.Any(string.IsNullOrWhiteSpace))
            {
                Fail(nameof(options.Robots), "names must not be empty.");
            }

            // A key goes into the webhook URL's query: letters, digits and dashes, as WeCom issues them.
            if (options.Robots.Values.Any(k => string.IsNullOrEmpty(k) || !k.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            {
                Fail(nameof(options.Robots), "keys must be the webhook's key: ASCII letters, digits and dashes.");
            }
        }

        CheckMentions(options, Fail);
        OptionChecks.Range(options.PerRobotPerMinute, 1, WeComLimitPerMinute, nameof(options.PerRobotPerMinute), Fail);
        OptionChecks.Range(options.MaxWait, TimeSpan.Zero, TimeSpan.FromMinutes(2), nameof(options.MaxWait), Fail);
        OptionChecks.Range(options.RequestTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), nameof(options.RequestTimeout), Fail);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Each list belongs to a configured robot and holds mobiles or @all; a failure names the robot and the entry's position, never the number.</summary>
    private static void CheckMentions(WeComRobotOptions options, Action<string, string> fail)
    {
        if (options.Mentions is null)
        {
            fail(nameof(options.Mentions), "must not be null.");
            return;
        }

        foreach (var (robot, entries) in options.Mentions.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var setting = $"{nameof(options.Mentions)}:{robot}";
            if (options.Robots is null || !options.Robots.ContainsKey(robot))
            {
                fail(setting, "names no robot configured in Robots.");
            }

            for (var i = 0; i < (entries?.Count ?? 0); i++)
            {
                if (!RobotMentions.IsMention(entries![i]))
                {
                    fail($"{setting}:{i}", "must be a mobile number (5 to 20 digits, optionally after +) or @all.");
                }
            }
        }
    }
}
