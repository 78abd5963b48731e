using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Benchmarks.Infrastructure;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Credentials;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Http;
using AlibabaSecurityGroup.Core.Json;
using AlibabaSecurityGroup.Core.Retry;
using AlibabaSecurityGroup.Core.Signing;
using AlibabaSecurityGroup.Engine.Session;
using AlibabaSecurityGroup.Services.Ecs;

namespace AlibabaSecurityGroup.Benchmarks.Scenarios
{
    /// <summary>
    /// What the client itself costs per request, with no network: a Stopwatch over many iterations (after a warm-up)
    /// of (a) the V3 signature alone, (b) parsing typical answers, and (c) one whole LeaveSecurityGroup call through
    /// the same stack the engine uses (typed ECS client, per-call logging and statistics, retry loop and gate,
    /// credentials, signing, building the HttpRequestMessage, HttpClient, reading and parsing the answer), where
    /// the HTTP handler answers from memory.
    /// </summary>
    internal static class OverheadBenchmark
    {
        private const string Success = "{\"RequestId\":\"6C1D4C6A-2E83-4B6B-8B8C-0F3F0D6B1E2A\"}";
        private const string ErrorBody = "{\"RequestId\":\"6C1D4C6A-2E83-4B6B-8B8C-0F3F0D6B1E2A\",\"HostId\":\"ecs.cn-hangzhou.aliyuncs.com\"," +
            "\"Code\":\"InvalidSecurityGroupAssociation.NotFound\",\"Message\":\"The specified security group association does not exist.\"," +
            "\"Recommend\":\"https://api.aliyun.com/troubleshoot?q=InvalidSecurityGroupAssociation.NotFound&product=Ecs\"}";

        public static async Task<int> RunAsync(Args args)
        {
            int iterations = args.Int("iterations", 200_000);
            Report.Title("Client overhead per request (no network), " + iterations + " iterations each");
            var credentials = new AlibabaCredentials("LTAI5tOverheadKey00001", "overhead-secret-value-000001");
            var parameters = new OpenApiRequest(Product.Ecs, "LeaveSecurityGroup")
                .Add("RegionId", "cn-hangzhou").Add("SecurityGroupId", "sg-bp1000000002").Add("InstanceId", "i-bp100000001").Parameters;
            var date = DateTimeOffset.UtcNow;

            double sign = Time(iterations, () => AcsV3Signer.Sign("POST", "ecs.cn-hangzhou.aliyuncs.com", "LeaveSecurityGroup", "2014-05-26",
                parameters, date, AcsV3Signer.NewNonce(), credentials));
            Report.Line("sign (V3, ACS3-HMAC-SHA256)", Report.F(sign, "0.00") + " us");

            var ok = new RawResponse(200, "OK", Success, null);
            double parse = Time(iterations, () => OpenApiResponseReader.Read(ok, "ecs.cn-hangzhou.aliyuncs.com"));
            Report.Line("parse a success answer", Report.F(parse, "0.00") + " us");
            var error = new RawResponse(400, "Bad Request", ErrorBody, null);
            double parseError = Time(iterations, () =>
            {
                try { OpenApiResponseReader.Read(error, "ecs.cn-hangzhou.aliyuncs.com"); }
                catch (AlibabaSecurityGroup.Core.Errors.AlibabaCloudException) { }
            });
            Report.Line("parse an error answer (+ exception)", Report.F(parseError, "0.00") + " us");

            // The whole call, through the stack the engine uses, over an in-memory HTTP handler.
            var pipeline = new OpenApiPipeline(new StaticCredentialProvider(credentials, "benchmark keys"),
                new TransportSettings(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), new HttpClient(new CannedHandler(Success))),
                new RetryPolicy(new RetryOptions()), new SharedBackoffGate(), SystemClock.Instance, null);
            var endpoint = new Uri("http://ecs.cn-hangzhou.aliyuncs.com/");
            var core = new PipelineClient(pipeline, endpoint);
            var logging = new CallLoggingClient(core, _ => { }, _ => endpoint.Authority, new CallStatistics());
            var ecs = new EcsClient(logging);
            double call = await TimeAsync(iterations, () => ecs.LeaveSecurityGroupAsync("cn-hangzhou", "sg-bp1000000002", "i-bp100000001", null, CancellationToken.None));
            Report.Line("whole call (sign, serialize, parse)", Report.F(call, "0.00") + " us  [target < 100 us: " + Report.Verdict(call < 100) + "]");
            return 0;
        }

        private static double Time(int iterations, Action action)
        {
            for (int i = 0; i < Math.Min(iterations, 20_000); i++) action();
            GC.Collect();
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < iterations; i++) action();
            return watch.Elapsed.TotalMilliseconds * 1000 / iterations;
        }

        private static async Task<double> TimeAsync(int iterations, Func<Task> action)
        {
            for (int i = 0; i < Math.Min(iterations, 20_000); i++) await action().ConfigureAwait(false);
            GC.Collect();
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < iterations; i++) await action().ConfigureAwait(false);
            return watch.Elapsed.TotalMilliseconds * 1000 / iterations;
        }

        private sealed class PipelineClient : IOpenApiClient
        {
            private readonly OpenApiPipeline _pipeline;
            private readonly Uri _endpoint;
            public PipelineClient(OpenApiPipeline pipeline, Uri endpoint) { _pipeline = pipeline; _endpoint = endpoint; }
            public Task<OpenApiResponse> SendAsync(OpenApiRequest request, CancellationToken cancellationToken) =>
                _pipeline.SendAsync(request, _endpoint, cancellationToken);
        }

        /// <summary>Answers every request at once with the same JSON, as the service would.</summary>
        private sealed class CannedHandler : HttpMessageHandler
        {
            private readonly byte[] _body;
            public CannedHandler(string body) { _body = Encoding.UTF8.GetBytes(body); }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(_body), RequestMessage = request };
                response.Headers.TryAddWithoutValidation("x-acs-request-id", "6C1D4C6A-2E83-4B6B-8B8C-0F3F0D6B1E2A");
                return Task.FromResult(response);
            }
        }
    }
}
