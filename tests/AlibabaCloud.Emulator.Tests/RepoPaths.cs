namespace AlibabaCloud.Emulator.Tests;

internal static class RepoPaths
{
    /// <summary>The repository root (the folder holding Modules.sln), found by walking up from the test binaries.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Modules.sln"))) return dir.FullName;
            throw new InvalidOperationException("Cannot find the repository root (Modules.sln) above " + AppContext.BaseDirectory);
        }
    }
}
