using System;
using System.IO;

namespace AlibabaSecurityGroup.Tests.Support
{
    public static class RepoPaths
    {
        /// <summary>The repository root: the folder holding Modules.sln, found from the test binaries upwards.</summary>
        public static string Root
        {
            get
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Modules.sln"))) dir = dir.Parent;
                return dir?.FullName ?? throw new InvalidOperationException("Modules.sln not found above " + AppContext.BaseDirectory);
            }
        }

        public static string Manifest => Path.Combine(Root, "AlibabaSecurityGroup.psd1");
        public static string ModuleOutput => Path.Combine(Root, "out", "AlibabaSecurityGroup");
    }
}
