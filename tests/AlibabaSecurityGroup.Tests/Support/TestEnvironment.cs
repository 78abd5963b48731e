using System;
using System.Collections.Generic;
using System.IO;
using AlibabaSecurityGroup.Core;

namespace AlibabaSecurityGroup.Tests.Support
{
    /// <summary>An isolated environment: chosen variables and an empty temporary home, never the real ones.</summary>
    public sealed class TestEnvironment : IEnvironment
    {
        private readonly Dictionary<string, string> _variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Never probe the instance metadata service from a test.
            [EnvironmentVariables.EcsMetadataDisabled] = "true",
        };

        public TestEnvironment()
        {
            HomeDirectory = Path.Combine(Path.GetTempPath(), "asg-home-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(HomeDirectory);
        }

        public string HomeDirectory { get; }

        public TestEnvironment Set(string name, string value)
        {
            _variables[name] = value;
            return this;
        }

        public string GetVariable(string name) => _variables.TryGetValue(name, out var v) ? v : null;
    }
}
