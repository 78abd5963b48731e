using System.Threading;
using System.Threading.Tasks;

namespace AlibabaSecurityGroup.Core.Credentials
{
    /// <summary>Supplies the keys for each attempt. Temporary credentials are refreshed behind this interface.</summary>
    public interface ICredentialProvider
    {
        /// <summary>Where the keys come from, for Debug output: never a secret (e.g. <c>environment variables (key LTAI****Ab3d)</c>).</summary>
        string Description { get; }

        Task<AlibabaCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
    }

    /// <summary>Keys known up front: explicit parameters, session defaults, environment, an AK or StsToken profile.</summary>
    public sealed class StaticCredentialProvider : ICredentialProvider
    {
        private readonly Task<AlibabaCredentials> _credentials;

        public StaticCredentialProvider(AlibabaCredentials credentials, string description)
        {
            Credentials = credentials;
            _credentials = Task.FromResult(credentials);
            Description = description;
        }

        public AlibabaCredentials Credentials { get; }
        public string Description { get; }

        public Task<AlibabaCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return _credentials;
        }

        public override string ToString() => Description;
    }
}
