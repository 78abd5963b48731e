using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace AlibabaSecurityGroup.Core.Http
{
    /// <summary><c>AlibabaSecurityGroup/&lt;version&gt; (&lt;os&gt; &lt;arch&gt;; &lt;framework&gt;)</c>, for the service's logs.</summary>
    public static class UserAgent
    {
        public static readonly string Value = Build();

        public static string ModuleVersion
        {
            get
            {
                var asm = typeof(UserAgent).Assembly;
                var info = asm.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
                if (!string.IsNullOrEmpty(info))
                {
                    int plus = info.IndexOf('+');
                    return plus > 0 ? info.Substring(0, plus) : info;
                }
                var v = asm.GetName().Version;
                return v == null ? "0.0.0" : v.ToString(3);
            }
        }

        private static string Build()
        {
            string os;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) os = "Windows";
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) os = "macOS";
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) os = "Linux";
            else os = "Unknown";
            string framework = RuntimeInformation.FrameworkDescription ?? ".NET";
            return "AlibabaSecurityGroup/" + Clean(ModuleVersion) + " (" + os + " " + RuntimeInformation.OSArchitecture + "; " + Clean(framework.Trim()) + ")";
        }

        /// <summary>Keeps the value a valid header: printable ASCII, no parentheses inside the comment.</summary>
        private static string Clean(string text)
        {
            var sb = new StringBuilder(text.Length);
            foreach (char c in text) sb.Append(c >= 0x20 && c < 0x7F && c != '(' && c != ')' ? c : '_');
            return sb.ToString();
        }
    }
}
