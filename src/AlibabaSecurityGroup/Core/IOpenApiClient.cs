using System.Threading;
using System.Threading.Tasks;

namespace AlibabaSecurityGroup.Core
{
    /// <summary>
    /// Sends one signed OpenAPI call with the retry policy applied. Returns the parsed success body or throws
    /// <see cref="Errors.AlibabaCloudException"/> (service error, transport failure, timeout; <c>DryRunOperation</c>
    /// included, see <see cref="Errors.AlibabaCloudException.IsDryRunPassed"/>). Throws
    /// <see cref="System.OperationCanceledException"/> when the token is cancelled. Safe for concurrent use.
    /// </summary>
    public interface IOpenApiClient
    {
        Task<OpenApiResponse> SendAsync(OpenApiRequest request, CancellationToken cancellationToken);
    }
}
