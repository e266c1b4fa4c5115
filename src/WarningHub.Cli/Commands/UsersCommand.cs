using System.CommandLine;
using Spectre.Console;
using WarningHub.Core.Registry;
using WarningHub.Core.Users;
using WarningHub.Server.Security;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Cli.Commands;

/// <summary>
/// `warninghub users add NAME --role ROLE` (the password on standard input), `users disable NAME`, `users list`: the
/// console and API users, in the hub's database. Each change is audited in the same transaction.
/// </summary>
internal static class UsersCommand
{
    public static Command Create() => new("users", "Manage console and API users: duty officers, approvers, town officers, administrators.")
    {
        Add(), Disable(), List(),
    };

    public static Option<string> Database() => new("--database") { Description = "The hub's database file.", DefaultValueFactory = _ => "data/warninghub.db" };

    /// <summary>Who made a change from this program, for the audit.</summary>
    public static string Actor => "cli:" + Environment.UserName;

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The user's sign-in name." };
        var role = new Option<string>("--role") { Description = "duty-officer (值班员), approver (签发人), town-officer or administrator.", Required = true };
        var agency = new Option<string?>("--agency") { Description = "The agency a duty officer submits for (its scope applies)." };
        var phone = new Option<string?>("--phone") { Description = "Mobile number: an approver is called on it when a warning waits past its deadline." };
        var database = Database();
        var command = new Command("add", "Add a user; the password is read from standard input (one line, at least 10 characters).") { name, role, agency, phone, database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var userName = parse.GetValue(name)!.Trim();
            if (userName.Length is 0 or > 64 || userName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                return await FailAsync("The name must be 1 to 64 characters without spaces.");
            if (!TryParseRole(parse.GetValue(role), out var parsedRole))
                return await FailAsync($"--role '{parse.GetValue(role)}' is not a role: duty-officer, approver, town-officer or administrator.");
            string? normalized = null;
            if (parse.GetValue(phone) is { Length: > 0 } p && !PhoneNumber.TryNormalize(p, out normalized, out var why))
                return await FailAsync($"--phone {why}.");
            var password = await Console.In.ReadLineAsync(cancellationToken);
            if (UserAccounts.PasswordProblem(password) is { } problem) return await FailAsync($"Nothing added: {problem} (give it on standard input).");
            await using var db = new SqliteDatabase(new SqliteOptions { Path = parse.GetValue(database)! });
            var store = new SqliteUserStore(db, TimeProvider.System);
            var user = UserAccounts.NewUser(userName, parsedRole, password!, parse.GetValue(agency), normalized, TimeProvider.System.GetUtcNow());
            if (!await store.AddAsync(user, Actor, cancellationToken)) return await FailAsync($"Nothing added: a user named '{userName}' exists.");
            Console.WriteLine($"Added {userName} ({parsedRole}).");
            return 0;
        });
        return command;
    }

    private static Command Disable()
    {
        var name = new Argument<string>("name") { Description = "The user to disable; its sessions end at once." };
        var database = Database();
        var command = new Command("disable", "Disable a user: no more sign-ins, its sessions end.") { name, database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = new SqliteDatabase(new SqliteOptions { Path = parse.GetValue(database)! });
            var store = new SqliteUserStore(db, TimeProvider.System);
            if (!await store.DisableAsync(parse.GetValue(name)!, Actor, cancellationToken)) return await FailAsync($"No user '{parse.GetValue(name)}'.");
            Console.WriteLine($"Disabled {parse.GetValue(name)}.");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var database = Database();
        var command = new Command("list", "List the users (phone numbers masked).") { database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = new SqliteDatabase(new SqliteOptions { Path = parse.GetValue(database)! });
            var users = await new SqliteUserStore(db, TimeProvider.System).ListAsync(cancellationToken);
            var table = new Table().AddColumns("Name", "Role", "Agency", "Phone", "State");
            foreach (var u in users)
            {
                var state = u.Disabled ? "disabled" : u.LockedUntil is { } until && until > TimeProvider.System.GetUtcNow() ? $"locked until {until.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}" : "active";
                table.AddRow(Markup.Escape(u.Name), u.Role.ToString(), Markup.Escape(u.Agency ?? ""), PhoneNumber.Mask(u.Phone), state);
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    public static bool TryParseRole(string? text, out HubRole role) =>
        Enum.TryParse((text ?? "").Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out role) && Enum.IsDefined(role);

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 1;
    }
}
