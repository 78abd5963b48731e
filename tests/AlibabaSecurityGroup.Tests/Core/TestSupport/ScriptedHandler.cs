using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Credentials;
using AlibabaSecurityGroup.Core.Http;
using AlibabaSecurityGroup.Core.Logging;
using AlibabaSecurityGroup.Core.Retry;

namespace AlibabaSecurityGroup.Tests.Core.TestSupport
{
    /// <summary>An HttpMessageHandler answering from a script, one step per request (the last step repeats).</summary>
    internal sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly List<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _steps =
            new List<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>>();
        private int _calls;

        public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new ConcurrentQueue<HttpRequestMessage>();
        public int Calls => Volatile.Read(ref _calls);

        public ScriptedHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step) { _steps.Add(step); return this; }

        public ScriptedHandler ThenAnswer(int status, string body, params (string, string)[] headers) =>
            Then((_, __) =>
            {
                var r = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body) };
                foreach (var (k, v) in headers) r.Headers.TryAddWithoutValidation(k, v);
                return Task.FromResult(r);
            });

        public ScriptedHandler ThenOk(string requestId = "REQ-OK") => ThenAnswer(200, "{\"RequestId\":\"" + requestId + "\"}");

        public ScriptedHandler ThenError(int status, string code, string requestId = "REQ-ERR", params (string, string)[] headers) =>
            ThenAnswer(status, "{\"RequestId\":\"" + requestId + "\",\"HostId\":\"h\",\"Code\":\"" + code + "\",\"Message\":\"m\"}", headers);

        /// <summary>The connection drops after the request left: the outcome is unknown.</summary>
        public ScriptedHandler ThenReset() =>
            Then((_, __) => throw new HttpRequestException("Error while copying content", new System.IO.IOException("Connection reset by peer")));

        /// <summary>The connection is refused: nothing was sent.</summary>
        public ScriptedHandler ThenRefused() =>
            Then((_, __) => throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));

        /// <summary>Never answers; ends only when the request is cancelled (read timeout or caller).</summary>
        public ScriptedHandler ThenHang() =>
            Then(async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return null; });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int n = Interlocked.Increment(ref _calls) - 1;
            Requests.Enqueue(request);
            var step = _steps[Math.Min(n, _steps.Count - 1)];
            return step(request, cancellationToken);
        }

        public IReadOnlyList<HttpRequestMessage> All => Requests.ToArray();

        public static string Header(HttpRequestMessage r, string name) => r.Headers.TryGetValues(name, out var v) ? v.First() : null;
    }

    /// <summary>A gate that never waits (to look at the retry delays alone).</summary>
    internal sealed class OpenGate : IThrottleGate
    {
        public int Throttled, Successes;
        public List<TimeSpan?> RetryAfters = new List<TimeSpan?>();
        public Task WaitAsync(CancellationToken cancellationToken) { cancellationToken.ThrowIfCancellationRequested(); return Task.CompletedTask; }
        public void OnThrottled(TimeSpan? retryAfter) { Throttled++; RetryAfters.Add(retryAfter); }
        public void OnSuccess() => Successes++;
    }

    internal static class Pipelines
    {
        public const string KeyId = "LTAI5tPipelineKey0001";
        public const string Secret = "pipeline-secret-value-0001";

        public static OpenApiPipeline Create(ScriptedHandler handler, IClock clock, RetryOptions retry = null, IThrottleGate gate = null,
            ICoreLog log = null, TimeSpan? readTimeout = null, Func<double> random = null, ICredentialProvider credentials = null)
        {
            credentials = credentials ?? new StaticCredentialProvider(new AlibabaCredentials(KeyId, Secret), "test keys");
            return new OpenApiPipeline(credentials,
                new TransportSettings(TimeSpan.FromSeconds(10), readTimeout ?? TimeSpan.FromSeconds(30), new HttpClient(handler)),
                new RetryPolicy(retry ?? new RetryOptions(), random), gate ?? new OpenGate(), clock, log);
        }

        public static readonly Uri Endpoint = new Uri("https://ecs.cn-hangzhou.aliyuncs.com/");
    }
}
