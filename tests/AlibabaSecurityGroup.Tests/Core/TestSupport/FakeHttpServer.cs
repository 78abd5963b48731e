using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaSecurityGroup.Tests.Core.TestSupport
{
    internal sealed class FakeRequest
    {
        public string Method;
        public string Path;
        /// <summary>The raw query without '?', exactly as sent.</summary>
        public string RawQuery;
        public Dictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public string Body;

        public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

        /// <summary>Decoded query parameters.</summary>
        public Dictionary<string, string> Query
        {
            get
            {
                var result = new Dictionary<string, string>(StringComparer.Ordinal);
                if (string.IsNullOrEmpty(RawQuery)) return result;
                foreach (var pair in RawQuery.Split('&'))
                {
                    int eq = pair.IndexOf('=');
                    string k = eq < 0 ? pair : pair.Substring(0, eq), v = eq < 0 ? "" : pair.Substring(eq + 1);
                    result[Uri.UnescapeDataString(k)] = Uri.UnescapeDataString(v);
                }
                return result;
            }
        }
    }

    internal sealed class FakeResponse
    {
        public int Status = 200;
        public string Body = "";
        public Dictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Never answer (until the server is disposed): the client's read timeout fires.</summary>
        public bool Hang;

        public static FakeResponse Json(string body, int status = 200) => new FakeResponse { Status = status, Body = body };

        public static FakeResponse Error(int status, string code, string message = "error", string requestId = "REQ-ERR") =>
            new FakeResponse
            {
                Status = status,
                Body = "{\"RequestId\":\"" + requestId + "\",\"HostId\":\"fake.host\",\"Code\":\"" + code + "\",\"Message\":\"" + message + "\",\"Recommend\":\"https://api.aliyun.com/troubleshoot?q=" + code + "\"}",
            };

        public FakeResponse WithHeader(string name, string value) { Headers[name] = value; return this; }
    }

    /// <summary>
    /// A TCP server on 127.0.0.1 that reads each request's headers and then resets the connection (RST, no answer):
    /// what the client sees when a connection drops after the request left. (HttpListener cannot do this: its Abort
    /// still sends a status line.)
    /// </summary>
    internal sealed class ResettingServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private int _requests;

        public ResettingServer()
        {
            _listener.Start();
            Endpoint = "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;
            Task.Run(AcceptLoop);
        }

        public string Endpoint { get; }
        public int Requests => Volatile.Read(ref _requests);

        private async Task AcceptLoop()
        {
            while (true)
            {
                Socket socket;
                try { socket = await _listener.AcceptSocketAsync().ConfigureAwait(false); }
                catch (Exception) { return; }
                _ = Task.Run(async () =>
                {
                    var buffer = new byte[8192];
                    var seen = new StringBuilder();
                    try
                    {
                        while (seen.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) < 0)
                        {
                            int n = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None).ConfigureAwait(false);
                            if (n == 0) break;
                            seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
                        }
                        Interlocked.Increment(ref _requests);
                        socket.LingerState = new LingerOption(true, 0); // close with RST
                    }
                    catch (Exception) { }
                    finally { socket.Close(); }
                });
            }
        }

        public void Dispose() => _listener.Stop();
    }

    /// <summary>
    /// A tiny HTTP server on 127.0.0.1 (System.Net.HttpListener) answering with a handler; records every request.
    /// </summary>
    internal sealed class FakeHttpServer : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly Func<FakeRequest, Task<FakeResponse>> _handler;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        public FakeHttpServer(Func<FakeRequest, FakeResponse> handler) : this(r => Task.FromResult(handler(r))) { }

        public FakeHttpServer(Func<FakeRequest, Task<FakeResponse>> handler)
        {
            _handler = handler;
            Exception last = null;
            for (int i = 0; i < 10; i++)
            {
                int port = FreePort();
                var listener = new HttpListener();
                listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
                try
                {
                    listener.Start();
                    _listener = listener;
                    BaseUri = new Uri("http://127.0.0.1:" + port + "/");
                    break;
                }
                catch (HttpListenerException e)
                {
                    last = e;
                    listener.Close();
                }
            }
            if (_listener == null) throw new InvalidOperationException("Could not start the fake HTTP server.", last);
            Task.Run(AcceptLoop);
        }

        public Uri BaseUri { get; }

        /// <summary>"http://127.0.0.1:port" (an endpoint override value).</summary>
        public string Endpoint => BaseUri.GetLeftPart(UriPartial.Authority);

        public ConcurrentQueue<FakeRequest> Requests { get; } = new ConcurrentQueue<FakeRequest>();

        public static int FreePort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            int port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
                catch (Exception) { return; }
                _ = Task.Run(() => Handle(context));
            }
        }

        private async Task Handle(HttpListenerContext context)
        {
            var request = new FakeRequest
            {
                Method = context.Request.HttpMethod,
                Path = context.Request.Url.AbsolutePath,
                RawQuery = context.Request.Url.Query.TrimStart('?'),
            };
            foreach (string name in context.Request.Headers.AllKeys) request.Headers[name] = context.Request.Headers[name];
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8)) request.Body = await reader.ReadToEndAsync().ConfigureAwait(false);
            Requests.Enqueue(request);

            FakeResponse response;
            try { response = await _handler(request).ConfigureAwait(false); }
            catch (Exception e) { response = FakeResponse.Json("{\"Code\":\"FakeServerError\",\"Message\":\"" + e.GetType().Name + "\"}", 500); }

            try
            {
                if (response.Hang)
                {
                    try { await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false); } catch (OperationCanceledException) { }
                    context.Response.Abort();
                    return;
                }
                context.Response.StatusCode = response.Status;
                foreach (var h in response.Headers) context.Response.Headers[h.Key] = h.Value;
                var bytes = Encoding.UTF8.GetBytes(response.Body ?? "");
                context.Response.ContentType = response.Body != null && response.Body.StartsWith("{") ? "application/json" : "text/plain";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
                context.Response.Close();
            }
            catch (Exception)
            {
                // The client went away (its timeout fired): nothing to do.
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            try { _listener.Stop(); _listener.Close(); } catch (Exception) { }
        }
    }
}
