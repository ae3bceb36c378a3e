namespace Supervise.Supervisorctl.Commands;

/// <summary>The y/N question reload and shutdown ask in interactive mode; only an answer starting with y proceeds.</summary>
internal static class Confirm
{
    public static bool Ask(Controller ctl, string question)
    {
        if (!ctl.Session.Interactive)
        {
            return true;
        }
        ctl.Out.Flush();
        var answer = ctl.Console.ReadLine(question);
        return answer is not null && answer.StartsWith("y", StringComparison.OrdinalIgnoreCase);
    }
}
