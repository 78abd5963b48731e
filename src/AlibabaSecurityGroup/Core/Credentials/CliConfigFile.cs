using System;
using System.Collections.Generic;
using System.IO;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Core.Json;
using AlibabaSecurityGroup.Core.Redaction;

namespace AlibabaSecurityGroup.Core.Credentials
{
    /// <summary>
    /// The Alibaba Cloud CLI's profile file, <c>~/.aliyun/config.json</c>:
    /// <c>{"current": "&lt;name&gt;", "profiles": [{"name", "mode", "access_key_id", ...}]}</c>.
    /// Loading it registers every secret and token it holds with <see cref="Redactor"/>.
    /// </summary>
    public sealed class CliConfigFile
    {
        private CliConfigFile(string path, string current, IReadOnlyList<CliProfile> profiles)
        {
            Path = path;
            Current = current;
            Profiles = profiles;
        }

        public string Path { get; }
        /// <summary>The profile the CLI uses by default, or null.</summary>
        public string Current { get; }
        public IReadOnlyList<CliProfile> Profiles { get; }

        /// <summary><c>&lt;home&gt;/.aliyun/config.json</c>, or null without a home directory.</summary>
        public static string DefaultPath(IEnvironment environment)
        {
            string home = environment?.HomeDirectory;
            return string.IsNullOrEmpty(home) ? null : System.IO.Path.Combine(home, ".aliyun", "config.json");
        }

        /// <summary>The file, or null when it does not exist. A file that cannot be read or parsed is an InvalidProfile error.</summary>
        public static CliConfigFile Load(string path)
        {
            if (string.IsNullOrEmpty(path) || !File.Exists(path)) return null;
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new AlibabaCloudException(ErrorKind.Configuration, "InvalidProfile", "Could not read " + path + ": " + e.Message, inner: e);
            }
            return Parse(text, path);
        }

        internal static CliConfigFile Parse(string text, string path)
        {
            JsonValue root;
            try
            {
                if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
                root = JsonValue.Parse(text);
            }
            catch (FormatException e)
            {
                // The parser's message names an offset, never the content: safe to show.
                throw new AlibabaCloudException(ErrorKind.Configuration, "InvalidProfile", path + " is not valid JSON: " + e.Message, inner: e);
            }
            if (root.Kind != JsonKind.Object)
                throw new AlibabaCloudException(ErrorKind.Configuration, "InvalidProfile", path + " does not hold a JSON object.");

            var profiles = new List<CliProfile>();
            foreach (var item in root["profiles"]?.Items ?? new JsonValue[0])
            {
                if (item == null || item.Kind != JsonKind.Object) continue;
                var p = new CliProfile
                {
                    Name = Str(item, "name"),
                    Mode = Str(item, "mode"),
                    AccessKeyId = Str(item, "access_key_id"),
                    AccessKeySecret = Str(item, "access_key_secret"),
                    StsToken = Str(item, "sts_token"),
                    RamRoleArn = Str(item, "ram_role_arn"),
                    RamSessionName = Str(item, "ram_session_name"),
                    RamRoleName = Str(item, "ram_role_name"),
                    SourceProfile = Str(item, "source_profile"),
                    RegionId = Str(item, "region_id"),
                    StsRegion = Str(item, "sts_region"),
                    ExternalId = Str(item, "external_id"),
                    Policy = Str(item, "policy"),
                    ExpiredSeconds = item["expired_seconds"]?.AsInt64(),
                };
                Redactor.RegisterSecret(p.AccessKeySecret);
                Redactor.RegisterSecret(p.StsToken);
                if (p.Name != null) profiles.Add(p);
            }
            return new CliConfigFile(path, Str(root, "current"), profiles);
        }

        public CliProfile Find(string name)
        {
            if (name == null) return null;
            foreach (var p in Profiles)
            {
                if (string.Equals(p.Name, name, StringComparison.Ordinal)) return p;
            }
            return null;
        }

        private static string Str(JsonValue obj, string name)
        {
            var s = obj[name]?.AsString();
            return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        }
    }

    /// <summary>One profile of the CLI file. <see cref="ToString"/> never shows a secret.</summary>
    public sealed class CliProfile
    {
        public string Name { get; internal set; }
        /// <summary><c>AK</c>, <c>StsToken</c>, <c>RamRoleArn</c>, <c>EcsRamRole</c>, <c>ChainableRamRoleArn</c>, ... (null: AK).</summary>
        public string Mode { get; internal set; }
        public string AccessKeyId { get; internal set; }
        internal string AccessKeySecret { get; set; }
        internal string StsToken { get; set; }
        public string RamRoleArn { get; internal set; }
        public string RamSessionName { get; internal set; }
        public string RamRoleName { get; internal set; }
        public string SourceProfile { get; internal set; }
        public string RegionId { get; internal set; }
        public string StsRegion { get; internal set; }
        public string ExternalId { get; internal set; }
        public string Policy { get; internal set; }
        public long? ExpiredSeconds { get; internal set; }

        /// <summary>The mode as the CLI reads it: an empty mode means AK.</summary>
        public string EffectiveMode => string.IsNullOrEmpty(Mode) ? "AK" : Mode;

        public override string ToString() => "profile '" + Name + "' (" + EffectiveMode + ")";
    }
}
