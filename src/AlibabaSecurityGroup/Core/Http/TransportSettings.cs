using System;
using System.Net.Http;

namespace AlibabaSecurityGroup.Core.Http
{
    /// <summary>The timeouts of one client and the shared HttpClient that honours its connect timeout.</summary>
    internal sealed class TransportSettings
    {
        public TransportSettings(TimeSpan connectTimeout, TimeSpan readTimeout, HttpClient client = null)
        {
            ConnectTimeout = connectTimeout;
            ReadTimeout = readTimeout;
            Client = client ?? SharedHttpClient.Get(connectTimeout);
        }

        public TimeSpan ConnectTimeout { get; }
        public TimeSpan ReadTimeout { get; }
        public HttpClient Client { get; }
    }
}
