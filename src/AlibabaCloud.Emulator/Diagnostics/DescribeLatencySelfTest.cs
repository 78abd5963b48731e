using System.Diagnostics;
using System.Net.Http.Headers;
using AlibabaCloud.Emulator.Protocol;

namespace AlibabaCloud.Emulator.Diagnostics;

/// <summary>
/// The acceptance measurement, as a command rather than a timed unit test (timings on shared CI machines are
/// noise): load N instances, then time signed DescribeInstances calls over real HTTP on loopback.
/// </summary>
internal static class DescribeLatencySelfTest
{
    public static async Task<int> RunAsync(int count)
    {
        var state = new EmulatorState();
        for (var i = 0; i < count; i++)
            state.Instances.Add(new InstanceState
            {
                InstanceId = $"i-selftest{i:x8}", RegionId = "cn-hangzhou", Status = i % 10 == 0 ? "Stopped" : "Running",
                SecurityGroupIds = { $"sg-selftest{i % 50:x4}", "sg-selftestshared" },
            });

        var load = Stopwatch.StartNew();
        await using var server = await EmulatorServer.StartAsync(state);
        load.Stop();
        Console.WriteLine($"Loaded {count} instances and started in {load.Elapsed.TotalMilliseconds:F1} ms at {server.BaseAddress}");

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        // Warm up JIT and the connection so the figures describe steady state.
        for (var i = 0; i < 50; i++) await CallAsync(http, "MaxResults=100&RegionId=cn-hangzhou");

        await MeasureAsync(http, "first page, MaxResults=100", 200, _ => "MaxResults=100&RegionId=cn-hangzhou");
        await MeasureAsync(http, "default page (PageSize 10), PageNumber 1..", 200, k => $"PageNumber={1 + k % 100}&PageSize=10&RegionId=cn-hangzhou");
        await MeasureAsync(http, "SecurityGroupId filter, MaxResults=100", 200, _ => "MaxResults=100&RegionId=cn-hangzhou&SecurityGroupId=sg-selftest0031");
        // Walk the whole list by NextToken: the worst case for a filter pass per page.
        var pages = new List<double>();
        string token = null;
        do
        {
            var query = "MaxResults=100&RegionId=cn-hangzhou" + (token == null ? string.Empty : "&NextToken=" + token);
            var sw = Stopwatch.StartNew();
            var body = await CallAsync(http, query);
            pages.Add(sw.Elapsed.TotalMilliseconds);
            token = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("NextToken").GetString();
        } while (!string.IsNullOrEmpty(token));
        Report($"NextToken walk over all {count} instances ({pages.Count} pages of 100)", pages);
        return 0;
    }

    private static async Task MeasureAsync(HttpClient http, string name, int calls, Func<int, string> query)
    {
        var times = new List<double>(calls);
        for (var k = 0; k < calls; k++)
        {
            var sw = Stopwatch.StartNew();
            await CallAsync(http, query(k));
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        Report(name, times);
    }

    private static void Report(string name, List<double> times)
    {
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine($"DescribeInstances {name}: n={times.Count} median={P(0.5):F2} ms p95={P(0.95):F2} ms max={times[^1]:F2} ms");
    }

    /// <summary>A minimal V3 signer (the emulator verifies every call, so the benchmark pays for verification too).</summary>
    private static async Task<string> CallAsync(HttpClient http, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/?" + query);
        var host = http.BaseAddress!.Authority;
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = host,
            ["x-acs-action"] = "DescribeInstances",
            ["x-acs-version"] = "2014-05-26",
            ["x-acs-date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["x-acs-signature-nonce"] = Guid.NewGuid().ToString("N"),
            ["x-acs-content-sha256"] = AcsEncoding.EmptyBodySha256,
        };
        var names = headers.Keys.ToList();
        var canonical = SignatureV3.CanonicalRequest("POST", "/", SignatureV3.CanonicalQuery(AcsEncoding.ParsePairs(query)), names,
            n => headers[n], AcsEncoding.EmptyBodySha256);
        var signature = SignatureV3.Sign(EmulatorDefaults.AccessKeySecret, SignatureV3.StringToSign(canonical));
        foreach (var h in headers) if (h.Key != "host") request.Headers.TryAddWithoutValidation(h.Key, h.Value);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{SignatureV3.Algorithm} Credential={EmulatorDefaults.AccessKeyId},SignedHeaders={string.Join(";", names)},Signature={signature}");
        request.Content = new ByteArrayContent(Array.Empty<byte>());
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"DescribeInstances failed: {(int)response.StatusCode} {body}");
        return body;
    }
}
