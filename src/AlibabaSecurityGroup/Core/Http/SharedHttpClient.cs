using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Security.Authentication;

namespace AlibabaSecurityGroup.Core.Http
{
    /// <summary>
    /// The process-wide HttpClient (one per distinct connect timeout, so in practice one), shared by every client so
    /// that connections are pooled across cmdlet invocations.
    /// <para>On .NET Core / .NET 5+ the handler is a <c>SocketsHttpHandler</c>, created and configured by reflection
    /// because netstandard2.0 cannot name it: <c>ConnectTimeout</c>, <c>MaxConnectionsPerServer</c> = 256 and
    /// <c>PooledConnectionLifetime</c> = 5 minutes (DNS changes are picked up). On .NET Framework it is an
    /// <c>HttpClientHandler</c> with <c>MaxConnectionsPerServer</c> = 256 (the framework default is 2, which would
    /// serialise a bulk run) and TLS 1.2 requested explicitly; there the connect phase is bounded by the per-attempt
    /// read timeout instead.</para>
    /// <para><see cref="HttpClient.Timeout"/> is infinite: each attempt has its own timeout through a linked
    /// CancellationTokenSource, so that a timeout can be told apart from the caller's cancellation.</para>
    /// </summary>
    internal static class SharedHttpClient
    {
        public const int MaxConnectionsPerServer = 256;
        public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

        private static readonly ConcurrentDictionary<long, Lazy<HttpClient>> Clients = new ConcurrentDictionary<long, Lazy<HttpClient>>();

        /// <summary>True when the running framework exposes SocketsHttpHandler (and so honours the connect timeout).</summary>
        public static bool SupportsConnectTimeout => SocketsHandlerType != null;

        private static readonly Type SocketsHandlerType = FindSocketsHandler();

        public static HttpClient Get(TimeSpan connectTimeout)
        {
            if (connectTimeout <= TimeSpan.Zero) connectTimeout = System.Threading.Timeout.InfiniteTimeSpan;
            return Clients.GetOrAdd(connectTimeout.Ticks, ticks => new Lazy<HttpClient>(() => Create(TimeSpan.FromTicks(ticks)))).Value;
        }

        private static HttpClient Create(TimeSpan connectTimeout)
        {
            var client = new HttpClient(CreateHandler(connectTimeout), disposeHandler: true)
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            client.DefaultRequestHeaders.ExpectContinue = false;
            return client;
        }

        internal static HttpMessageHandler CreateHandler(TimeSpan connectTimeout)
        {
            if (SocketsHandlerType != null)
            {
                try
                {
                    var handler = (HttpMessageHandler)Activator.CreateInstance(SocketsHandlerType);
                    Set(handler, "ConnectTimeout", connectTimeout);
                    Set(handler, "MaxConnectionsPerServer", MaxConnectionsPerServer);
                    Set(handler, "PooledConnectionLifetime", PooledConnectionLifetime);
                    Set(handler, "AutomaticDecompression", DecompressionMethods.GZip | DecompressionMethods.Deflate);
                    Set(handler, "UseCookies", false);
                    Set(handler, "AllowAutoRedirect", false);
                    return handler;
                }
                catch (Exception e) when (e is TargetInvocationException || e is MissingMemberException || e is InvalidCastException
                                          || e is ArgumentException || e is PlatformNotSupportedException)
                {
                    // Fall back to the portable handler below.
                }
            }

            var portable = new HttpClientHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
            };
            try { portable.AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate; } catch (PlatformNotSupportedException) { }
            try { portable.MaxConnectionsPerServer = MaxConnectionsPerServer; } catch (PlatformNotSupportedException) { } catch (NotSupportedException) { }
            if (IsNetFramework)
            {
                // Windows PowerShell's host targets .NET 4.5, so without a registry opt-in the framework would offer TLS 1.0
                // only. Ask for TLS 1.2 on this handler alone, rather than changing ServicePointManager for the whole session.
                try { portable.SslProtocols = SslProtocols.Tls12; } catch (PlatformNotSupportedException) { } catch (NotSupportedException) { }
            }
            return portable;
        }

        private static bool IsNetFramework =>
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription?.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase) == true;

        private static Type FindSocketsHandler()
        {
            try
            {
                var type = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);
                if (type == null || !typeof(HttpMessageHandler).IsAssignableFrom(type)) return null;
                var isSupported = type.GetProperty("IsSupported", BindingFlags.Public | BindingFlags.Static);
                if (isSupported != null && isSupported.GetValue(null) is bool supported && !supported) return null;
                return type;
            }
            catch (Exception)
            {
                return null;
            }
        }

        private static void Set(object target, string property, object value)
        {
            var p = target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance);
            if (p == null || !p.CanWrite) return; // an older runtime without that knob: keep its default
            p.SetValue(target, value);
        }
    }
}
