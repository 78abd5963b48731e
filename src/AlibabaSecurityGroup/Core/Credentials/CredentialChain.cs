using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Core.Http;
using AlibabaSecurityGroup.Core.Logging;
using AlibabaSecurityGroup.Core.Redaction;

namespace AlibabaSecurityGroup.Core.Credentials
{
    /// <summary>
    /// Decides where credentials and region come from. Credentials, first match wins:
    /// <list type="number">
    /// <item>explicit AccessKeyId + AccessKeySecret (+ SecurityToken);</item>
    /// <item>an explicitly named profile (<see cref="ClientOptions.ProfileName"/>): it must exist;</item>
    /// <item>session defaults: keys, else a named profile (which must exist);</item>
    /// <item>ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET (+ ALIBABA_CLOUD_SECURITY_TOKEN);</item>
    /// <item>the profile named by ALIBABA_CLOUD_PROFILE (must exist), else the file's <c>current</c> profile;</item>
    /// <item>the ECS instance RAM role, only when the metadata service answers within the probe timeout (1 s).</item>
    /// </list>
    /// Region: explicit, the named profile's region_id, session defaults, ALIBABA_CLOUD_REGION_ID, the region_id of the
    /// profile the credentials came from, the default profile's region_id, the ECS instance's own region.
    /// </summary>
    internal sealed class CredentialChain
    {
        private static readonly string[] SupportedModes = { "AK", "StsToken", "RamRoleArn", "ChainableRamRoleArn", "EcsRamRole" };

        /// <summary>
        /// Off ECS every resolution without credentials would spend the probe timeout again (tab completion, a script's
        /// loop): a failed probe is remembered for this long per metadata endpoint.
        /// </summary>
        internal static readonly TimeSpan NegativeProbeLifetime = TimeSpan.FromMinutes(5);

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> NoMetadataUntil =
            new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);

        private readonly ClientOptions _options;
        private readonly IEnvironment _env;
        private readonly RedactingCoreLog _log;
        private readonly List<string> _tried = new List<string>();
        private readonly string _configPath;
        private CliConfigFile _file;
        private bool _fileLoaded;

        public CredentialChain(ClientOptions options, IEnvironment environment, RedactingCoreLog log)
        {
            _options = options;
            _env = environment;
            _log = log;
            _configPath = CliConfigFile.DefaultPath(environment);
        }

        /// <summary>What the chain settled on; <see cref="Build"/> makes the provider once region and endpoints are known.</summary>
        internal sealed class Choice
        {
            public string Description;
            /// <summary>Which step of the chain answered ("explicit parameters", "session defaults", ...).</summary>
            public string Origin;
            public CliProfile Profile;
            public CliConfigFile File;
            public AlibabaCredentials Static;
            public string EcsRoleName;
            public bool IsEcsRole;
        }

        public Choice ChooseCredentials()
        {
            // 1. Explicit values.
            var explicitChoice = FromKeys(_options.AccessKeyId, _options.AccessKeySecret, _options.SecurityToken,
                "explicit parameters", "the AccessKeyId and AccessKeySecret parameters");
            if (explicitChoice != null) return explicitChoice;
            _tried.Add("the AccessKeyId/AccessKeySecret parameters (not given)");

            // 2. An explicitly named profile: never a fall-through.
            if (!string.IsNullOrWhiteSpace(_options.ProfileName))
                return FromProfile(_options.ProfileName.Trim(), "the ProfileName parameter");
            _tried.Add("the ProfileName parameter (not given)");

            // 3. Session defaults.
            var session = _options.SessionDefaults;
            if (session != null)
            {
                var sessionChoice = FromKeys(session.AccessKeyId, session.AccessKeySecret, session.SecurityToken,
                    "session defaults", "the session defaults' AccessKeyId and AccessKeySecret");
                if (sessionChoice != null) return sessionChoice;
                if (!string.IsNullOrWhiteSpace(session.ProfileName))
                    return FromProfile(session.ProfileName.Trim(), "the session defaults");
            }
            _tried.Add("session defaults (none set)");

            // 4. Environment variables.
            var envChoice = FromKeys(_env.GetVariable(EnvironmentVariables.AccessKeyId), _env.GetVariable(EnvironmentVariables.AccessKeySecret),
                _env.GetVariable(EnvironmentVariables.SecurityToken), "environment variables",
                "environment variables " + EnvironmentVariables.AccessKeyId + " and " + EnvironmentVariables.AccessKeySecret);
            if (envChoice != null) return envChoice;
            _tried.Add("environment variables " + EnvironmentVariables.AccessKeyId + "/" + EnvironmentVariables.AccessKeySecret + " (not set)");

            // 5. ALIBABA_CLOUD_PROFILE (must exist) or the file's current profile.
            string envProfile = _env.GetVariable(EnvironmentVariables.Profile);
            if (!string.IsNullOrWhiteSpace(envProfile))
                return FromProfile(envProfile.Trim(), "environment variable " + EnvironmentVariables.Profile);
            var file = LoadFile();
            if (file == null)
            {
                _tried.Add("the profile file " + (_configPath ?? "~/.aliyun/config.json") + " (not found)");
            }
            else if (file.Current == null)
            {
                _tried.Add("the profile file " + file.Path + " (no current profile)");
            }
            else if (file.Find(file.Current) == null)
            {
                _log.Debug("The current profile '" + file.Current + "' of " + file.Path + " does not exist; skipping it.");
                _tried.Add("the profile file " + file.Path + " (its current profile '" + file.Current + "' does not exist)");
            }
            else
            {
                return FromProfile(file.Current, "the current profile of " + file.Path);
            }

            // 6. The ECS instance RAM role, when a metadata service answers.
            var ecs = ProbeEcs();
            if (ecs != null) return ecs;

            throw new AlibabaCloudException(ErrorKind.Configuration, "MissingCredentials",
                "No Alibaba Cloud credentials were found. Tried: " + string.Join("; ", _tried) + ". Provide them with -AccessKeyId and "
                + "-AccessKeySecret, with -ProfileName, with the environment variables " + EnvironmentVariables.AccessKeyId + " and "
                + EnvironmentVariables.AccessKeySecret + ", or create a profile with 'aliyun configure'.");
        }

        public string ResolveRegion(Choice choice, out string source)
        {
            string region;
            if (Has(_options.RegionId, out region)) { source = "the RegionId parameter"; return region; }

            if (!string.IsNullOrWhiteSpace(_options.ProfileName))
            {
                var named = LoadFile()?.Find(_options.ProfileName.Trim());
                if (named != null && Has(named.RegionId, out region)) { source = "region_id of profile '" + named.Name + "'"; return region; }
            }

            var session = _options.SessionDefaults;
            if (session != null && Has(session.RegionId, out region)) { source = "the session defaults"; return region; }

            if (Has(_env.GetVariable(EnvironmentVariables.RegionId), out region)) { source = "environment variable " + EnvironmentVariables.RegionId; return region; }

            if (choice.Profile != null && Has(choice.Profile.RegionId, out region)) { source = "region_id of profile '" + choice.Profile.Name + "'"; return region; }

            // Credentials from elsewhere, but the CLI's default profile names a region: the CLI would use it too.
            var file = LoadFile();
            string defaultName = _env.GetVariable(EnvironmentVariables.Profile);
            defaultName = string.IsNullOrWhiteSpace(defaultName) ? file?.Current : defaultName.Trim();
            var defaultProfile = file?.Find(defaultName);
            if (defaultProfile != null && Has(defaultProfile.RegionId, out region)) { source = "region_id of profile '" + defaultProfile.Name + "'"; return region; }

            if (choice.IsEcsRole || choice.Profile?.EffectiveMode == "EcsRamRole")
            {
                region = TryMetadataRegion();
                if (region != null) { source = "the ECS instance metadata"; return region; }
            }

            throw new AlibabaCloudException(ErrorKind.Configuration, "MissingRegion",
                "No region is set. Pass -RegionId, set the environment variable " + EnvironmentVariables.RegionId
                + ", or set region_id in the profile (aliyun configure).");
        }

        /// <summary>Makes the provider for the chosen source.</summary>
        public ICredentialProvider Build(Choice choice, string regionId, EndpointResolver endpoints, TransportSettings transport)
        {
            if (choice.Static != null) return new StaticCredentialProvider(choice.Static, choice.Description);
            if (choice.IsEcsRole) return NewEcsProvider(choice.EcsRoleName, choice.Description);
            return BuildProfile(choice.File, choice.Profile, regionId, endpoints, transport, new HashSet<string>(StringComparer.Ordinal));
        }

        private ICredentialProvider BuildProfile(CliConfigFile file, CliProfile profile, string regionId, EndpointResolver endpoints,
            TransportSettings transport, HashSet<string> visiting)
        {
            if (!visiting.Add(profile.Name))
                throw InvalidProfile(profile, file, "its source_profile chain loops back to '" + profile.Name + "'");
            string description = Describe(profile, file);
            switch (profile.EffectiveMode)
            {
                case "AK":
                    return new StaticCredentialProvider(new AlibabaCredentials(profile.AccessKeyId, profile.AccessKeySecret),
                        description + " (key " + Redactor.MaskKeyId(profile.AccessKeyId) + ")");
                case "StsToken":
                    return new StaticCredentialProvider(new AlibabaCredentials(profile.AccessKeyId, profile.AccessKeySecret, profile.StsToken),
                        description + " (key " + Redactor.MaskKeyId(profile.AccessKeyId) + ")");
                case "RamRoleArn":
                {
                    var source = new StaticCredentialProvider(new AlibabaCredentials(profile.AccessKeyId, profile.AccessKeySecret, profile.StsToken),
                        description + " source keys (key " + Redactor.MaskKeyId(profile.AccessKeyId) + ")");
                    return NewAssumeRole(profile, source, TemporaryCredentialCache.Fingerprint(source.Credentials), description, regionId, endpoints, transport);
                }
                case "ChainableRamRoleArn":
                {
                    var sourceProfile = file.Find(profile.SourceProfile);
                    if (sourceProfile == null)
                        throw new AlibabaCloudException(ErrorKind.Configuration, "ProfileNotFound",
                            "The profile '" + profile.SourceProfile + "' (source_profile of '" + profile.Name + "') does not exist in " + file.Path + ".");
                    ValidateProfile(sourceProfile, file);
                    var source = BuildProfile(file, sourceProfile, regionId, endpoints, transport, visiting);
                    string sourceKey = source is StaticCredentialProvider s ? TemporaryCredentialCache.Fingerprint(s.Credentials)
                        : (source as RefreshingCredentialProvider)?.CacheKey;
                    return NewAssumeRole(profile, source, sourceKey, description, regionId, endpoints, transport);
                }
                case "EcsRamRole":
                    return NewEcsProvider(profile.RamRoleName, description);
                default:
                    throw InvalidProfile(profile, file, "unsupported mode");
            }
        }

        private ICredentialProvider NewAssumeRole(CliProfile profile, ICredentialProvider source, string sourceKey, string description,
            string regionId, EndpointResolver endpoints, TransportSettings transport)
        {
            var settings = new AssumeRoleSettings
            {
                RoleArn = profile.RamRoleArn,
                RoleSessionName = profile.RamSessionName,
                DurationSeconds = profile.ExpiredSeconds.HasValue && profile.ExpiredSeconds.Value > 0
                    ? (int)Math.Min(profile.ExpiredSeconds.Value, 43200) : AssumeRoleSettings.DefaultDurationSeconds,
                Policy = profile.Policy,
                ExternalId = profile.ExternalId,
            };
            Uri sts = endpoints.ResolveSts(profile.StsRegion, regionId, out string stsSource);
            _log.Debug("STS endpoint for " + description + ": " + sts.GetLeftPart(UriPartial.Authority) + " (" + stsSource + ")");
            var provider = new RamRoleArnCredentialProvider(source, settings, sts, description, transport, _options.Retry, _options.Clock, _options.Log,
                _options.CredentialRefreshMargin);
            if (sourceKey != null)
            {
                provider.CacheKey = string.Join("|", "AssumeRole", sts.GetLeftPart(UriPartial.Authority), settings.RoleArn,
                    settings.RoleSessionName ?? string.Empty, settings.DurationSeconds.ToString(CultureInfo.InvariantCulture),
                    settings.Policy ?? string.Empty, settings.ExternalId ?? string.Empty, sourceKey);
            }
            return provider;
        }

        private EcsRamRoleCredentialProvider NewEcsProvider(string roleName, string description)
        {
            var endpoint = _options.MetadataEndpoint ?? EcsRamRoleCredentialProvider.DefaultMetadataEndpoint;
            var provider = new EcsRamRoleCredentialProvider(endpoint, roleName ?? EnvRoleName(), AllowImdsV1(), description, _options.Clock, _options.Log,
                refreshMargin: _options.CredentialRefreshMargin);
            provider.CacheKey = "EcsRamRole|" + endpoint.GetLeftPart(UriPartial.Authority) + "|" + (provider.RoleName ?? string.Empty);
            return provider;
        }

        private Choice FromKeys(string id, string secret, string token, string what, string names)
        {
            bool hasId = !string.IsNullOrWhiteSpace(id), hasSecret = !string.IsNullOrWhiteSpace(secret), hasToken = !string.IsNullOrWhiteSpace(token);
            if (!hasId && !hasSecret && !hasToken) return null;
            Redactor.RegisterSecret(secret);
            Redactor.RegisterSecret(token);
            if (!hasId || !hasSecret)
                throw new AlibabaCloudException(ErrorKind.Configuration, "MissingCredentials",
                    "Incomplete credentials in " + what + ": " + (hasId ? "an AccessKeyId without an AccessKeySecret" : hasSecret ? "an AccessKeySecret without an AccessKeyId" : "a SecurityToken without an AccessKey pair")
                    + ". Set both " + names + (hasToken ? " (the SecurityToken goes with them)." : "."));
            var credentials = new AlibabaCredentials(id, secret, token);
            return new Choice
            {
                Static = credentials,
                Origin = what,
                Description = what + " (" + (credentials.IsTemporary ? "STS token, " : string.Empty) + "key " + credentials.MaskedAccessKeyId + ")",
            };
        }

        private Choice FromProfile(string name, string origin)
        {
            var file = LoadFile();
            if (file == null)
                throw new AlibabaCloudException(ErrorKind.Configuration, "ProfileNotFound",
                    "The profile '" + name + "' (named by " + origin + ") cannot be found: there is no profile file at "
                    + (_configPath ?? "~/.aliyun/config.json") + ". Create it with 'aliyun configure --profile " + name + "'.");
            var profile = file.Find(name);
            if (profile == null)
                throw new AlibabaCloudException(ErrorKind.Configuration, "ProfileNotFound",
                    "The profile '" + name + "' (named by " + origin + ") does not exist in " + file.Path + ". Profiles there: "
                    + (file.Profiles.Count == 0 ? "(none)" : string.Join(", ", Names(file))) + ".");
            ValidateProfile(profile, file);
            return new Choice { Profile = profile, File = file, Origin = origin, Description = Describe(profile, file) };
        }

        /// <summary>Checks a profile's mode and required fields before anything is sent.</summary>
        private static void ValidateProfile(CliProfile profile, CliConfigFile file)
        {
            string mode = profile.EffectiveMode;
            if (Array.IndexOf(SupportedModes, mode) < 0)
                throw InvalidProfile(profile, file, "mode '" + mode + "' is not supported (supported: " + string.Join(", ", SupportedModes) + ")");
            switch (mode)
            {
                case "AK":
                    Require(profile, file, profile.AccessKeyId, "access_key_id");
                    Require(profile, file, profile.AccessKeySecret, "access_key_secret");
                    break;
                case "StsToken":
                    Require(profile, file, profile.AccessKeyId, "access_key_id");
                    Require(profile, file, profile.AccessKeySecret, "access_key_secret");
                    Require(profile, file, profile.StsToken, "sts_token");
                    break;
                case "RamRoleArn":
                    Require(profile, file, profile.AccessKeyId, "access_key_id");
                    Require(profile, file, profile.AccessKeySecret, "access_key_secret");
                    Require(profile, file, profile.RamRoleArn, "ram_role_arn");
                    break;
                case "ChainableRamRoleArn":
                    Require(profile, file, profile.SourceProfile, "source_profile");
                    Require(profile, file, profile.RamRoleArn, "ram_role_arn");
                    break;
            }
            if (profile.StsRegion != null && !EndpointResolver.IsValidRegionId(profile.StsRegion))
                throw InvalidProfile(profile, file, "sts_region '" + profile.StsRegion + "' is not a region id");
        }

        private static void Require(CliProfile profile, CliConfigFile file, string value, string field)
        {
            if (string.IsNullOrWhiteSpace(value)) throw InvalidProfile(profile, file, "'" + field + "' is missing");
        }

        private static AlibabaCloudException InvalidProfile(CliProfile profile, CliConfigFile file, string why) =>
            new AlibabaCloudException(ErrorKind.Configuration, "InvalidProfile",
                "The profile '" + profile.Name + "' (" + profile.EffectiveMode + ") in " + file.Path + " cannot be used: " + why + ".");

        private static string Describe(CliProfile profile, CliConfigFile file) =>
            "profile '" + profile.Name + "' (" + profile.EffectiveMode + ") in " + file.Path;

        private static IEnumerable<string> Names(CliConfigFile file)
        {
            foreach (var p in file.Profiles) yield return "'" + p.Name + "'";
        }

        private CliConfigFile LoadFile()
        {
            if (!_fileLoaded)
            {
                _file = CliConfigFile.Load(_configPath);
                _fileLoaded = true;
            }
            return _file;
        }

        private Choice ProbeEcs()
        {
            if (IsTrue(_env.GetVariable(EnvironmentVariables.EcsMetadataDisabled)))
            {
                _tried.Add("the ECS instance RAM role (disabled by " + EnvironmentVariables.EcsMetadataDisabled + ")");
                return null;
            }
            var endpoint = _options.MetadataEndpoint ?? EcsRamRoleCredentialProvider.DefaultMetadataEndpoint;
            var timeout = _options.MetadataProbeTimeout ?? EcsRamRoleCredentialProvider.DefaultProbeTimeout;
            string where = endpoint.GetLeftPart(UriPartial.Authority);
            var clock = _options.Clock ?? SystemClock.Instance;
            if (NoMetadataUntil.TryGetValue(where, out var until) && clock.UtcNow < until)
            {
                _tried.Add("the ECS instance RAM role (no metadata service answered at " + where + " a moment ago: not an ECS instance)");
                return null;
            }
            string role;
            try
            {
                role = Task.Run(() => EcsRamRoleCredentialProvider.ProbeAsync(endpoint, AllowImdsV1(), EnvRoleName(), timeout, CancellationToken.None))
                    .GetAwaiter().GetResult();
            }
            catch (AlibabaCloudException e)
            {
                _log.Debug("No ECS metadata service at " + where + ": " + e.Message);
                NoMetadataUntil[where] = clock.UtcNow + NegativeProbeLifetime;
                _tried.Add("the ECS instance RAM role (no metadata service answered at " + where + " within "
                           + HttpExchange.Seconds(timeout) + ": not an ECS instance)");
                return null;
            }
            if (role == null)
            {
                _tried.Add("the ECS instance RAM role (the metadata service at " + where + " lists no role)");
                return null;
            }
            return new Choice
            {
                IsEcsRole = true,
                EcsRoleName = role,
                Origin = "the ECS instance RAM role",
                Description = "ECS instance RAM role '" + role + "' (metadata service " + where + ")",
            };
        }

        private string TryMetadataRegion()
        {
            var endpoint = EcsRamRoleCredentialProvider.Normalize(_options.MetadataEndpoint ?? EcsRamRoleCredentialProvider.DefaultMetadataEndpoint);
            var timeout = _options.MetadataProbeTimeout ?? EcsRamRoleCredentialProvider.DefaultProbeTimeout;
            try
            {
                var raw = Task.Run(() => EcsRamRoleCredentialProvider.GetMetadataTextAsync(endpoint, "latest/meta-data/region-id", AllowImdsV1(), timeout, CancellationToken.None))
                    .GetAwaiter().GetResult();
                return raw != null && EndpointResolver.IsValidRegionId(raw) ? raw : null;
            }
            catch (AlibabaCloudException)
            {
                return null;
            }
        }

        private string EnvRoleName()
        {
            var name = _env.GetVariable(EnvironmentVariables.EcsMetadataRoleName);
            return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        }

        private bool AllowImdsV1() => !IsTrue(_env.GetVariable(EnvironmentVariables.ImdsV1Disabled));

        private static bool IsTrue(string value) =>
            value != null && (value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) || value.Trim() == "1");

        private static bool Has(string value, out string trimmed)
        {
            trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            return trimmed != null;
        }
    }
}
