namespace HelpBuilder
{
    public enum Severity { Error, Warning }

    /// <summary>A finding, printed in MSBuild's canonical format so the build lists it with its file and line.</summary>
    public sealed class Problem
    {
        public Problem(Severity severity, string code, string file, int line, string message)
        {
            Severity = severity;
            Code = code;
            File = file;
            Line = line;
            Message = message;
        }

        public Severity Severity { get; }
        public string Code { get; }
        public string File { get; }
        public int Line { get; }
        public string Message { get; }

        public static Problem Error(string code, string file, int line, string message) => new Problem(Severity.Error, code, file, line, message);
        public static Problem Warning(string code, string file, int line, string message) => new Problem(Severity.Warning, code, file, line, message);

        public override string ToString()
        {
            string where = File == null ? "HelpBuilder" : (Line > 0 ? File + "(" + Line + ")" : File);
            return where + ": " + (Severity == Severity.Error ? "error " : "warning ") + Code + ": " + Message;
        }
    }
}
