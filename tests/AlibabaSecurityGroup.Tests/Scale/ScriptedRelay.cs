using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AlibabaSecurityGroup.Tests.Scale
{
    /// <summary>What the relay does with one request.</summary>
    public enum RelayStep
    {
        /// <summary>Forward it and return the answer.</summary>
        Pass,
        /// <summary>Forward it (the service applies it), then drop the connection: the client never hears back.</summary>
        DropAnswer,
        /// <summary>Drop the connection without forwarding: nothing was applied, the client cannot know.</summary>
        DropRequest,
        /// <summary>Answer 400 Throttling.User without forwarding.</summary>
        Throttle,
    }

    /// <summary>
    /// An HTTP relay in front of the emulator that follows a script for one action (a step per request, the last
    /// step repeating) and passes every other request through. The Host header and body go through unchanged, so
    /// signatures still verify.
    /// </summary>
    public sealed class ScriptedRelay : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _upstream;
        private readonly string _action;
        private readonly RelayStep[] _script;
        private int _seen;

        public ConcurrentQueue<RelayStep> Applied { get; } = new ConcurrentQueue<RelayStep>();

        private ScriptedRelay(WebApplication app, HttpClient upstream, string action, RelayStep[] script)
        {
            _app = app;
            _upstream = upstream;
            _action = action;
            _script = script;
        }

        public string Endpoint { get; private set; }

        public static async Task<ScriptedRelay> StartAsync(Uri emulator, string action, params RelayStep[] script)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var relay = new ScriptedRelay(app, new HttpClient { BaseAddress = emulator }, action, script);
            app.Run(relay.HandleAsync);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>().Addresses.First();
            relay.Endpoint = address.TrimEnd('/');
            return relay;
        }

        private async Task HandleAsync(HttpContext context)
        {
            var request = context.Request;
            var step = RelayStep.Pass;
            if (string.Equals(request.Headers["x-acs-action"], _action, StringComparison.Ordinal))
            {
                int n = Interlocked.Increment(ref _seen) - 1;
                step = _script[Math.Min(n, _script.Length - 1)];
                Applied.Enqueue(step);
            }
            if (step == RelayStep.DropRequest)
            {
                context.Abort();
                return;
            }
            if (step == RelayStep.Throttle)
            {
                context.Response.StatusCode = 400;
                context.Response.ContentType = "application/json";
                context.Response.Headers["x-acs-retry-after"] = "10";
                await context.Response.WriteAsync("{\"RequestId\":\"RELAY-THROTTLED\",\"HostId\":\"relay\",\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\"}");
                return;
            }

            var forward = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.QueryString);
            var body = new System.IO.MemoryStream();
            await request.Body.CopyToAsync(body);
            forward.Content = new ByteArrayContent(body.ToArray());
            foreach (var header in request.Headers)
            {
                if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)) forward.Headers.Host = header.Value;
                else if (header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)) forward.Content.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
                else forward.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
            using var answer = await _upstream.SendAsync(forward);
            var bytes = await answer.Content.ReadAsByteArrayAsync();
            if (step == RelayStep.DropAnswer)
            {
                context.Abort();
                return;
            }
            context.Response.StatusCode = (int)answer.StatusCode;
            foreach (var header in answer.Headers) context.Response.Headers[header.Key] = header.Value.ToArray();
            context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
            await context.Response.Body.WriteAsync(bytes);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _upstream.Dispose();
        }
    }
}
