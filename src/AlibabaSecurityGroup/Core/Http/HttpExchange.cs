using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Errors;

namespace AlibabaSecurityGroup.Core.Http
{
    /// <summary>What came back over HTTP, before it is read as an OpenAPI answer.</summary>
    internal sealed class RawResponse
    {
        public RawResponse(int status, string reasonPhrase, string body, TimeSpan? retryAfter)
        {
            Status = status;
            ReasonPhrase = reasonPhrase;
            Body = body;
            RetryAfter = retryAfter;
        }

        public int Status { get; }
        public string ReasonPhrase { get; }
        public string Body { get; }
        public TimeSpan? RetryAfter { get; }
        public bool IsSuccess => Status >= 200 && Status <= 299;
    }

    /// <summary>
    /// One HTTP exchange with a per-attempt timeout. Turns every failure into an <see cref="AlibabaCloudException"/>:
    /// <see cref="ErrorKind.Timeout"/> when the read timeout elapsed, <see cref="ErrorKind.Transport"/> for connection
    /// failures (with <see cref="AlibabaCloudException.RequestNotSent"/> when the connection was never made), and
    /// OperationCanceledException (never wrapped) when the caller's token was cancelled.
    /// </summary>
    internal static class HttpExchange
    {
        public const string ConnectionFailedCode = "ConnectionFailed";
        public const string ConnectTimeoutCode = "ConnectTimeout";
        public const string ReadTimeoutCode = "ReadTimeout";

        public static async Task<RawResponse> SendAsync(HttpClient client, HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string target = request.RequestUri.Authority;
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                // Zero, negative or beyond CancelAfter's range: no per-attempt timeout.
                if (timeout > TimeSpan.Zero && timeout.TotalMilliseconds <= int.MaxValue - 1) attempt.CancelAfter(timeout);
                try
                {
                    using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, attempt.Token).ConfigureAwait(false))
                    {
                        byte[] bytes = response.Content == null ? new byte[0] : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                        return new RawResponse((int)response.StatusCode, response.ReasonPhrase, Decode(bytes), ReadRetryAfter(response));
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException("The call was cancelled.", cancellationToken);
                }
                catch (OperationCanceledException e) when (attempt.IsCancellationRequested)
                {
                    throw new AlibabaCloudException(ErrorKind.Timeout, ReadTimeoutCode,
                        "No answer from " + target + " within " + Seconds(timeout) + " (read timeout). The request may or may not have been applied.",
                        inner: e);
                }
                catch (OperationCanceledException e)
                {
                    // Neither the caller nor our timer: SocketsHttpHandler's ConnectTimeout elapsed. Nothing was sent.
                    throw new AlibabaCloudException(ErrorKind.Transport, ConnectTimeoutCode,
                        "Could not connect to " + target + " within the connect timeout.", inner: e) { RequestNotSent = true };
                }
                catch (HttpRequestException e)
                {
                    throw TransportFailure(target, e);
                }
                catch (IOException e)
                {
                    throw TransportFailure(target, e);
                }
                catch (WebException e)
                {
                    throw TransportFailure(target, e);
                }
                catch (SocketException e)
                {
                    throw TransportFailure(target, e);
                }
            }
        }

        private static AlibabaCloudException TransportFailure(string target, Exception e)
        {
            bool notSent = IsConnectFailure(e, out string reason);
            string message = notSent
                ? "Could not connect to " + target + ": " + reason + "."
                : "The connection to " + target + " failed before an answer arrived (" + Describe(e) + "). The request may or may not have been applied.";
            return new AlibabaCloudException(ErrorKind.Transport, ConnectionFailedCode, message, inner: e) { RequestNotSent = notSent };
        }

        /// <summary>True when the failure happened before the request could leave: refused, unreachable, name not resolved.</summary>
        internal static bool IsConnectFailure(Exception e, out string reason)
        {
            for (var current = e; current != null; current = current.InnerException)
            {
                if (current is SocketException se)
                {
                    switch (se.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused: reason = "connection refused"; return true;
                        case SocketError.HostNotFound:
                        case SocketError.NoData:
                        case SocketError.TryAgain: reason = "the host name could not be resolved"; return true;
                        case SocketError.HostUnreachable:
                        case SocketError.HostDown: reason = "host unreachable"; return true;
                        case SocketError.NetworkUnreachable:
                        case SocketError.NetworkDown: reason = "network unreachable"; return true;
                        case SocketError.AddressNotAvailable: reason = "address not available"; return true;
                    }
                }
                if (current is WebException we)
                {
                    switch (we.Status)
                    {
                        case WebExceptionStatus.ConnectFailure: reason = "connection failed"; return true;
                        case WebExceptionStatus.NameResolutionFailure: reason = "the host name could not be resolved"; return true;
                        case WebExceptionStatus.ProxyNameResolutionFailure: reason = "the proxy name could not be resolved"; return true;
                    }
                }
            }
            reason = null;
            return false;
        }

        private static string Describe(Exception e)
        {
            // The innermost message is the useful one ("Connection reset by peer"); URLs in it carry no secret (the
            // signature travels in a header), and AlibabaCloudException redacts its message anyway.
            var inner = e;
            while (inner.InnerException != null) inner = inner.InnerException;
            return inner.GetType().Name + ": " + inner.Message;
        }

        private static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
        {
            if (response.Headers.TryGetValues("x-acs-retry-after", out var values))
            {
                foreach (var v in values)
                {
                    if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) && ms >= 0 && ms < TimeSpan.MaxValue.TotalMilliseconds)
                        return TimeSpan.FromMilliseconds(ms);
                }
            }
            var standard = response.Headers.RetryAfter;
            if (standard != null)
            {
                if (standard.Delta.HasValue) return standard.Delta;
                if (standard.Date.HasValue)
                {
                    var d = standard.Date.Value - DateTimeOffset.UtcNow;
                    return d > TimeSpan.Zero ? d : TimeSpan.Zero;
                }
            }
            return null;
        }

        internal static string Decode(byte[] bytes)
        {
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
            return Encoding.UTF8.GetString(bytes);
        }

        internal static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
    }
}
