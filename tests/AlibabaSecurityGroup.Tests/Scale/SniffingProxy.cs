using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaSecurityGroup.Tests.Scale
{
    /// <summary>
    /// A loopback TCP relay in front of the emulator that records every request signature going through it (the
    /// <c>Signature=</c> value of each Authorization header), so a test knows exactly which secrets-derived values
    /// the client produced and can search its output for them. Bytes are passed on unchanged in both directions; when
    /// either side closes or drops the connection, so does the relay.
    /// </summary>
    internal sealed class SniffingProxy : IAsyncDisposable
    {
        private static readonly Regex SignaturePattern = new Regex("Signature=([0-9a-f]{64})", RegexOptions.Compiled);
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentDictionary<string, bool> _signatures = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private readonly string _targetHost;
        private readonly int _targetPort;
        private readonly Task _accepting;

        public SniffingProxy(Uri target)
        {
            _targetHost = target.Host;
            _targetPort = target.Port;
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public string Endpoint => "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

        public IReadOnlyCollection<string> Signatures => (IReadOnlyCollection<string>)_signatures.Keys;

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (Exception) { return; }
                _ = RelayAsync(client);
            }
        }

        private async Task RelayAsync(TcpClient client)
        {
            using (client)
            using (var server = new TcpClient())
            {
                try
                {
                    client.NoDelay = server.NoDelay = true; // no Nagle stalls on small requests and answers
                    await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
                    var up = CopyAsync(client.GetStream(), server.GetStream(), sniff: true);
                    var down = CopyAsync(server.GetStream(), client.GetStream(), sniff: false);
                    await Task.WhenAny(up, down);
                }
                catch (Exception)
                {
                    // Either side went away: so does the other (disposing both closes them).
                }
                client.LingerState = new LingerOption(true, 0); // a dropped upstream is a dropped downstream
            }
        }

        private async Task CopyAsync(NetworkStream from, NetworkStream to, bool sniff)
        {
            var buffer = new byte[16384];
            string tail = string.Empty;
            int read;
            while ((read = await from.ReadAsync(buffer, 0, buffer.Length, _stop.Token)) > 0)
            {
                if (sniff)
                {
                    string text = tail + Encoding.ASCII.GetString(buffer, 0, read);
                    foreach (Match m in SignaturePattern.Matches(text)) _signatures[m.Groups[1].Value] = true;
                    tail = text.Length > 128 ? text.Substring(text.Length - 128) : text;
                }
                await to.WriteAsync(buffer, 0, read, _stop.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            try { await _accepting; } catch (Exception) { }
        }
    }
}
