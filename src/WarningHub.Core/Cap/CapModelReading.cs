using System.Globalization;
using System.Xml.Linq;

namespace WarningHub.Core.Cap;

/// <summary>The step both readers share: element tree to validated model.</summary>
internal static class CapModelReading
{
    public const int MaxProblems = 200;

    public static CapReadResult Finish(XElement alertElement, List<CapProblem>? earlierProblems = null)
    {
        var problems = earlierProblems ?? [];
        var alert = CapTreeReader.Read(alertElement, problems, out var complete);

        // The validator also names values the reader could not read (they hold placeholders); those
        // paths already carry the reader's more precise reason, so they are not reported twice.
        var reported = problems.Select(problem => problem.Path).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(CapValidator.Validate(alert).Where(problem => !reported.Contains(problem.Path)));
        if (problems.Count > MaxProblems)
        {
            // Real messages have a handful; thousands mean a hostile or broken sender, and the list goes to logs
            // and API answers.
            var omitted = problems.Count - MaxProblems;
            problems.RemoveRange(MaxProblems, omitted);
            problems.Add(new CapProblem(CapProblem.DocumentPath, string.Create(CultureInfo.InvariantCulture, $"{omitted} further problems are not listed")));
        }

        return new CapReadResult(complete ? alert : null, problems);
    }
}
