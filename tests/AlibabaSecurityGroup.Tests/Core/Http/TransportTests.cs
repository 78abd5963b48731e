using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Core.Http;
using AlibabaSecurityGroup.Core.Retry;
using AlibabaSecurityGroup.Tests.Core.TestSupport;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Core.Http
{
    /// <summary>The real HttpClient path against a local HttpListener: wire format, errors, timeouts.</summary>
    public class TransportTests
    {
        private const string KeyId = "LTAI5tTransportKey001";
        private const string Secret = "transport-secret-value-001";

        private static (OpenApiClient client, TestEnvironment env) Client(FakeHttpServer server, Action<ClientOptions> configure = null)
        {
            var env = new TestEnvironment();
            env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", KeyId).Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", Secret).Set("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou");
            var options = new ClientOptions
            {
                Environment = env,
                Endpoint = server?.Endpoint,
                Clock = new FakeClock(DateTimeOffset.UtcNow),
                Retry = new RetryOptions { MaxAttempts = 1 },
            };
            configure?.Invoke(options);
            return (new OpenApiClient(ClientConfiguration.Resolve(options), options), env);
        }

        private static OpenApiRequest Leave() =>
            new OpenApiRequest(Product.Ecs, "LeaveSecurityGroup").Add("InstanceId", "i-123").Add("SecurityGroupId", "sg-1").Add("Note", "a b/ü");

        [Fact]
        public async Task Sends_a_signed_post_with_an_empty_body_that_the_reference_verifier_accepts()
        {
            using var server = new FakeHttpServer(r => FakeResponse.Json("{\"RequestId\":\"OK-1\",\"Value\":42}"));
            var (client, env) = Client(server);
            using (env)
            {
                var response = await client.SendAsync(Leave(), CancellationToken.None);
                Assert.Equal(200, response.HttpStatus);
                Assert.Equal("OK-1", response.RequestId);
                Assert.Equal("42", response.Body.GetString("Value"));
                Assert.Equal(server.BaseUri.Authority, response.EndpointHost);
                Assert.Equal(1, response.History.Attempts);

                var r = server.Requests.Single();
                Assert.Equal("POST", r.Method);
                Assert.Equal("/", r.Path);
                Assert.Equal("", r.Body);
                Assert.Equal(server.BaseUri.Authority, r.Header("Host"));
                Assert.Equal("LeaveSecurityGroup", r.Header("x-acs-action"));
                Assert.Equal("2014-05-26", r.Header("x-acs-version"));
                Assert.Matches(@"^AlibabaSecurityGroup/\d+\.\d+\.\d+\S* \(", r.Header("User-Agent"));
                Assert.DoesNotContain("RegionId", r.Query.Keys); // the client never adds it
                Assert.Equal("a b/ü", r.Query["Note"]);
                ReferenceV3.Verify(r, KeyId, Secret);
            }
        }

        [Fact]
        public async Task A_json_error_body_becomes_a_service_exception_with_every_field()
        {
            using var server = new FakeHttpServer(r => new FakeResponse
            {
                Status = 403,
                Body = "{\"RequestId\":\"R-403\",\"HostId\":\"ecs.aliyuncs.com\",\"Code\":\"Forbidden.RAM\",\"Message\":\"User not authorized to operate on the specified resource.\","
                       + "\"Recommend\":\"https://api.aliyun.com/troubleshoot?q=Forbidden.RAM\",\"AccessDeniedDetail\":{\"AuthAction\":\"ecs:LeaveSecurityGroup\",\"PolicyType\":\"AccountLevelIdentityBasedPolicy\"}}",
            });
            var (client, env) = Client(server);
            using (env)
            {
                var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => client.SendAsync(Leave(), CancellationToken.None));
                Assert.Equal(ErrorKind.Service, e.Kind);
                Assert.Equal("Forbidden.RAM", e.Code);
                Assert.Equal(403, e.HttpStatus);
                Assert.Equal("R-403", e.RequestId);
                Assert.Equal("ecs.aliyuncs.com", e.HostId);
                Assert.Equal("https://api.aliyun.com/troubleshoot?q=Forbidden.RAM", e.Recommend);
                Assert.Equal("User not authorized to operate on the specified resource.", e.ServiceMessage);
                Assert.Contains("\"AuthAction\":\"ecs:LeaveSecurityGroup\"", e.AccessDeniedDetail);
                Assert.Equal("Forbidden.RAM: User not authorized to operate on the specified resource. (RequestId R-403)", e.Message);
                Assert.Equal(1, e.History.Attempts);
            }
        }

        [Fact]
        public async Task A_non_json_error_body_still_names_the_status()
        {
            using var server = new FakeHttpServer(r => new FakeResponse { Status = 502, Body = "<html><body>Bad Gateway from the proxy</body></html>" });
            var (client, env) = Client(server);
            using (env)
            {
                var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => client.SendAsync(Leave(), CancellationToken.None));
                Assert.Equal(ErrorKind.Service, e.Kind);
                Assert.Equal("ServiceUnavailable", e.Code);
                Assert.Equal(502, e.HttpStatus);
                Assert.Contains("HTTP 502", e.Message);
                Assert.Contains("Bad Gateway from the proxy", e.Message);
                Assert.True(RetryPolicy.IsRetryable(e));
            }
        }

        [Fact]
        public async Task Server_errors_are_retried_over_the_wire()
        {
            int n = 0;
            using var server = new FakeHttpServer(r => Interlocked.Increment(ref n) < 3
                ? FakeResponse.Error(500, "InternalError")
                : FakeResponse.Json("{\"RequestId\":\"FINALLY\"}"));
            var (client, env) = Client(server, o => o.Retry = new RetryOptions());
            using (env)
            {
                var response = await client.SendAsync(Leave(), CancellationToken.None);
                Assert.Equal("FINALLY", response.RequestId);
                Assert.Equal(3, response.History.Attempts);
                Assert.Equal(3, server.Requests.Select(r => r.Header("x-acs-signature-nonce")).Distinct().Count());
            }
        }

        [Fact]
        public async Task Retry_after_header_is_read_from_error_answers()
        {
            using var server = new FakeHttpServer(r => FakeResponse.Error(400, "Throttling.User").WithHeader("x-acs-retry-after", "1500"));
            var (client, env) = Client(server);
            using (env)
            {
                var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => client.SendAsync(Leave(), CancellationToken.None));
                Assert.True(e.IsThrottling);
                Assert.Equal(TimeSpan.FromMilliseconds(1500), e.RetryAfter);
                Assert.Equal(1, e.History.ThrottledAttempts);
            }
        }

        [Fact]
        public async Task A_success_that_is_not_json_is_an_unexpected_response()
        {
            using var server = new FakeHttpServer(r => new FakeResponse { Status = 200, Body = "<html>captive portal</html>" });
            var (client, env) = Client(server);
            using (env)
            {
                var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => client.SendAsync(Leave(), CancellationToken.None));
                Assert.Equal("UnexpectedResponse", e.Code);
                Assert.Equal(200, e.HttpStatus);
            }
        }

        [Fact]
        public async Task A_refused_connection_is_a_transport_error_that_was_not_sent()
        {
            var (client, env) = Client(null, o => o.Endpoint = "http://127.0.0.1:" + FakeHttpServer.FreePort());
            using (env)
            {
                var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => client.SendAsync(Leave(), CancellationToken.None));
                Assert.Equal(ErrorKind.Transport, e.Kind);
                Assert.Equal("ConnectionFailed", e.Code);
                Assert.True(e.RequestNotSent);
                Assert.False(e.OutcomeUnknown);
                Assert.Contains("connection refused", e.Message);
            }
        }

        [Fact]
        public async Task A_dropped_connection_is_a_transport_error_with_an_unknown_outcome()
        {
            using var server = new ResettingServer();
            var (client, env) = Client(null, o => o.Endpoint = server.Endpoint);
            using (env)
            {
                var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => client.SendAsync(Leave(), CancellationToken.None));
                Assert.True(e.Kind == ErrorKind.Transport, e.Message);
                Assert.Equal("ConnectionFailed", e.Code);
                Assert.True(e.OutcomeUnknown);
                Assert.Contains("may or may not have been applied", e.Message);
                Assert.Equal(1, server.Requests);
            }
        }

        [Fact]
        public async Task A_reset_then_an_answer_reports_the_earlier_unknown_outcome_over_the_wire()
        {
            using var reset = new ResettingServer();
            var (client, env) = Client(null, o => { o.Endpoint = reset.Endpoint; o.Retry = new RetryOptions { MaxAttempts = 3 }; });
            using (env)
            {
                var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => client.SendAsync(Leave(), CancellationToken.None));
                Assert.Equal(3, e.History.Attempts);
                Assert.True(e.History.EarlierAttemptOutcomeUnknown);
            }
        }

        [Fact]
        public async Task A_connect_timeout_is_a_transport_error_that_was_not_sent()
        {
            // A listener whose accept queue is full: the kernel drops further SYNs, so connecting hangs.
            using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            listener.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
            listener.Listen(1);
            int port = ((System.Net.IPEndPoint)listener.LocalEndPoint).Port;
            var fillers = Enumerable.Range(0, 4).Select(_ =>
            {
                var c = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { Blocking = false };
                try { c.Connect(System.Net.IPAddress.Loopback, port); } catch (System.Net.Sockets.SocketException) { }
                return c;
            }).ToList();
            try
            {
                var (client, env) = Client(null, o =>
                {
                    o.Endpoint = "http://127.0.0.1:" + port;
                    o.ConnectTimeout = TimeSpan.FromMilliseconds(250);
                    o.ReadTimeout = TimeSpan.FromSeconds(20);
                });
                using (env)
                {
                    var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => client.SendAsync(Leave(), CancellationToken.None));
                    Assert.Equal(ErrorKind.Transport, e.Kind);
                    Assert.Equal("ConnectTimeout", e.Code);
                    Assert.True(e.RequestNotSent);
                }
            }
            finally
            {
                foreach (var f in fillers) f.Dispose();
            }
        }

        [Fact]
        public async Task No_answer_within_the_read_timeout_is_a_timeout_not_a_cancellation()
        {
            using var server = new FakeHttpServer(r => new FakeResponse { Hang = true });
            var (client, env) = Client(server, o => o.ReadTimeout = TimeSpan.FromMilliseconds(200));
            using (env)
            {
                var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => client.SendAsync(Leave(), CancellationToken.None));
                Assert.Equal(ErrorKind.Timeout, e.Kind);
                Assert.Equal("ReadTimeout", e.Code);
                Assert.True(e.OutcomeUnknown);
            }
        }

        [Fact]
        public async Task Caller_cancellation_aborts_the_request_in_flight()
        {
            using var server = new FakeHttpServer(r => new FakeResponse { Hang = true });
            var (client, env) = Client(server);
            using (env)
            using (var cts = new CancellationTokenSource())
            {
                var call = client.SendAsync(Leave(), cts.Token);
                while (server.Requests.IsEmpty) await Task.Delay(5);
                cts.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            }
        }

        [Fact]
        public void Endpoint_follows_the_request_region_and_the_client_region()
        {
            var (client, env) = Client(null);
            using (env)
            {
                Assert.Equal("https://ecs.cn-hangzhou.aliyuncs.com/", client.EndpointFor(Product.Ecs).ToString());
                Assert.Equal("https://alb.eu-central-1.aliyuncs.com/", client.EndpointFor(Product.Alb, "eu-central-1").ToString());
                Assert.Equal("https://sts.aliyuncs.com/", client.EndpointFor(Product.Sts).ToString());
            }
        }

        [Fact]
        public async Task A_request_region_that_cannot_be_a_host_fails_before_sending()
        {
            var (client, env) = Client(null);
            using (env)
            {
                var request = new OpenApiRequest(Product.Ecs, "DescribeInstances") { RegionId = "cn hangzhou" };
                var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => client.SendAsync(request, CancellationToken.None));
                Assert.Equal("InvalidRegion", e.Code);
                Assert.Equal(0, e.History.Attempts);
            }
        }

        [Theory]
        [InlineData(429, "slow down", "Throttling")]
        [InlineData(500, "", "InternalError")]
        [InlineData(503, "<html/>", "ServiceUnavailable")]
        [InlineData(504, "gateway timeout", "ServiceUnavailable")]
        [InlineData(404, "<h1>Not Found</h1>", "UnexpectedResponse")]
        [InlineData(400, "{\"Message\":\"no code\"}", "UnexpectedResponse")]
        [InlineData(400, "[1,2]", "UnexpectedResponse")]
        public void Error_bodies_without_a_code_get_one_from_the_status(int status, string body, string code)
        {
            var e = Assert.Throws<AlibabaCloudException>(() => OpenApiResponseReader.Read(new RawResponse(status, null, body, null), "h"));
            Assert.Equal(code, e.Code);
            Assert.Equal(status, e.HttpStatus);
            Assert.Contains(status.ToString(), e.Message.Contains("HTTP") ? e.Message : "HTTP " + status);
        }

        [Fact]
        public void A_body_with_a_bom_parses()
        {
            var body = HttpExchange.Decode(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' });
            Assert.Equal("{}", body);
            Assert.NotNull(OpenApiResponseReader.Read(new RawResponse(200, "OK", body, null), "h"));
        }

        [Fact]
        public void The_shared_client_honours_connect_timeouts_on_this_runtime()
        {
            Assert.True(SharedHttpClient.SupportsConnectTimeout);
            var handler = SharedHttpClient.CreateHandler(TimeSpan.FromSeconds(7));
            Assert.Equal("SocketsHttpHandler", handler.GetType().Name);
            Assert.Equal(TimeSpan.FromSeconds(7), handler.GetType().GetProperty("ConnectTimeout").GetValue(handler));
            Assert.Equal(SharedHttpClient.MaxConnectionsPerServer, handler.GetType().GetProperty("MaxConnectionsPerServer").GetValue(handler));
            Assert.Same(SharedHttpClient.Get(TimeSpan.FromSeconds(10)), SharedHttpClient.Get(TimeSpan.FromSeconds(10)));
        }
    }
}
