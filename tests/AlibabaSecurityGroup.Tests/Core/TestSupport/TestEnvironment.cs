using System;
using System.Collections.Generic;
using System.IO;
using AlibabaSecurityGroup.Core;

namespace AlibabaSecurityGroup.Tests.Core.TestSupport
{
    /// <summary>
    /// An environment of the test's own: variables from a dictionary and a temporary home directory. The ECS metadata
    /// step is disabled unless a test turns it back on, so no test ever probes 100.100.100.200.
    /// </summary>
    internal sealed class TestEnvironment : IEnvironment, IDisposable
    {
        private readonly Dictionary<string, string> _variables = new Dictionary<string, string>(StringComparer.Ordinal);

        public TestEnvironment(bool disableEcsMetadata = true)
        {
            HomeDirectory = Path.Combine(Path.GetTempPath(), "asg-core-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(HomeDirectory);
            if (disableEcsMetadata) Set(EnvironmentVariables.EcsMetadataDisabled, "true");
        }

        public string HomeDirectory { get; }

        public string ConfigPath => Path.Combine(HomeDirectory, ".aliyun", "config.json");

        public string GetVariable(string name) => _variables.TryGetValue(name, out var v) ? v : null;

        public TestEnvironment Set(string name, string value)
        {
            if (value == null) _variables.Remove(name);
            else _variables[name] = value;
            return this;
        }

        /// <summary>Writes ~/.aliyun/config.json.</summary>
        public TestEnvironment WriteConfig(string json)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath));
            File.WriteAllText(ConfigPath, json);
            return this;
        }

        public void Dispose()
        {
            try { Directory.Delete(HomeDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
