using System.CommandLine;
using WarningHub.Cli.Commands;

var root = new RootCommand("WarningHub: public early warnings to every village, household and person (到村、到户、到人).")
{
    ServeCommand.Create(),
    DemoCommand.Create(),
    SubmitCommand.Create(),
    PreviewCommand.Create(),
    StatusCommand.Create(),
    ReachCommand.Create(),
    AckCommand.Create(),
    UnreachedCommand.Create(),
    ImportCommand.Create(),
    GenerateCommand.Create(),
    UsersCommand.Create(),
    ApprovalCommands.Pending(),
    ApprovalCommands.Approve(),
    ApprovalCommands.Reject(),
    DrillCommands.Drills(),
    DrillCommands.Report(),
    AuditCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
