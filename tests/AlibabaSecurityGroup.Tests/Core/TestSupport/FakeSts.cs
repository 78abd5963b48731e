using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaSecurityGroup.Tests.Core.TestSupport
{
    /// <summary>
    /// STS AssumeRole on 127.0.0.1: verifies the V3 signature against the keys it knows (the source keys given to it and
    /// every set it issued), then issues fresh temporary credentials expiring at <see cref="ExpiresAt"/>.
    /// </summary>
    internal sealed class FakeSts : IDisposable
    {
        private readonly ConcurrentDictionary<string, string> _secrets = new ConcurrentDictionary<string, string>();
        private int _issued;

        public FakeSts(Func<DateTimeOffset> expiresAt)
        {
            ExpiresAt = expiresAt;
            Server = new FakeHttpServer(HandleAsync);
        }

        public FakeHttpServer Server { get; }
        public Func<DateTimeOffset> ExpiresAt { get; set; }
        /// <summary>When set, each AssumeRole waits for it (to hold concurrent callers in flight).</summary>
        public Task Gate { get; set; }
        /// <summary>When set, answers this instead of credentials.</summary>
        public Func<FakeRequest, FakeResponse> Override { get; set; }
        public int Calls => Volatile.Read(ref _issued);
        public ConcurrentQueue<string> IssuedSecrets { get; } = new ConcurrentQueue<string>();
        public ConcurrentQueue<string> IssuedTokens { get; } = new ConcurrentQueue<string>();

        public void Trust(string accessKeyId, string secret) => _secrets[accessKeyId] = secret;

        /// <summary>The secret of a key this STS knows (trusted or issued), for verifying product calls.</summary>
        public string SecretOf(string accessKeyId) => _secrets.TryGetValue(accessKeyId, out var s) ? s : null;

        private async Task<FakeResponse> HandleAsync(FakeRequest request)
        {
            if (Gate != null) await Gate.ConfigureAwait(false);
            if (Override != null) return Override(request);
            if (request.Header("x-acs-action") != "AssumeRole" || request.Header("x-acs-version") != "2015-04-01")
                return FakeResponse.Error(400, "InvalidAction.NotFound");
            string keyId = request.Header("Authorization")?.Split(' ', ',')[1].Substring("Credential=".Length);
            if (keyId == null || !_secrets.TryGetValue(keyId, out var secret)) return FakeResponse.Error(404, "InvalidAccessKeyId.NotFound");
            try { ReferenceV3.Verify(request, keyId, secret); }
            catch (InvalidOperationException e) { return FakeResponse.Error(400, "SignatureDoesNotMatch", e.Message.Replace("\"", "'").Replace("\n", " ")); }

            int n = Interlocked.Increment(ref _issued);
            string id = "STS.issued" + n.ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N").Substring(0, 8);
            string newSecret = "issued-secret-" + Guid.NewGuid().ToString("N");
            string token = "CAISissuedtoken" + Guid.NewGuid().ToString("N") + "/+==";
            _secrets[id] = newSecret;
            IssuedSecrets.Enqueue(newSecret);
            IssuedTokens.Enqueue(token);
            string expiration = ExpiresAt().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            return FakeResponse.Json("{\"RequestId\":\"STS-REQ-" + n + "\",\"AssumedRoleUser\":{\"Arn\":\"acs:ram::1:role/x/s\",\"AssumedRoleId\":\"1:s\"},"
                + "\"Credentials\":{\"AccessKeyId\":\"" + id + "\",\"AccessKeySecret\":\"" + newSecret + "\",\"SecurityToken\":\"" + token.Replace("/", "\\/")
                + "\",\"Expiration\":\"" + expiration + "\"}}");
        }

        public void Dispose() => Server.Dispose();
    }

    /// <summary>The ECS metadata service on 127.0.0.1: token PUT, role listing, role credentials.</summary>
    internal sealed class FakeMetadata : IDisposable
    {
        private int _credentialReads;

        public FakeMetadata(string role, Func<DateTimeOffset> expiresAt, bool supportTokens = true)
        {
            Role = role;
            ExpiresAt = expiresAt;
            SupportTokens = supportTokens;
            Server = new FakeHttpServer(Handle);
        }

        public FakeHttpServer Server { get; }
        public string Role { get; }
        public bool SupportTokens { get; }
        public Func<DateTimeOffset> ExpiresAt { get; }
        public string Token { get; } = "metadata-token-" + Guid.NewGuid().ToString("N");
        public string Secret { get; private set; }
        public string SecurityToken { get; private set; }
        public int CredentialReads => Volatile.Read(ref _credentialReads);
        public string RegionId { get; set; } = "cn-zhangjiakou";

        private FakeResponse Handle(FakeRequest r)
        {
            if (r.Path == "/latest/api/token")
            {
                if (r.Method != "PUT") return new FakeResponse { Status = 405 };
                if (!SupportTokens) return new FakeResponse { Status = 404, Body = "not found" };
                if (r.Header("X-aliyun-ecs-metadata-token-ttl-seconds") == null) return new FakeResponse { Status = 400, Body = "ttl missing" };
                return new FakeResponse { Body = Token };
            }
            if (SupportTokens && r.Header("X-aliyun-ecs-metadata-token") != Token) return new FakeResponse { Status = 401, Body = "token required" };
            if (r.Path == "/latest/meta-data/region-id") return new FakeResponse { Body = RegionId };
            if (r.Path == "/latest/meta-data/ram/security-credentials/")
                return Role == null ? new FakeResponse { Status = 404, Body = "no role" } : new FakeResponse { Body = Role };
            if (Role != null && r.Path == "/latest/meta-data/ram/security-credentials/" + Role)
            {
                Interlocked.Increment(ref _credentialReads);
                Secret = "ecs-role-secret-" + Guid.NewGuid().ToString("N");
                SecurityToken = "CAISecsroletoken" + Guid.NewGuid().ToString("N");
                string exp = ExpiresAt().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                return FakeResponse.Json("{\"AccessKeyId\":\"STS.ecsrole" + CredentialReads + "\",\"AccessKeySecret\":\"" + Secret + "\",\"Expiration\":\""
                    + exp + "\",\"SecurityToken\":\"" + SecurityToken + "\",\"LastUpdated\":\"2024-05-01T11:00:00Z\",\"Code\":\"Success\"}");
            }
            return new FakeResponse { Status = 404, Body = "unknown path" };
        }

        public void Dispose() => Server.Dispose();
    }
}
