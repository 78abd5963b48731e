using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using AlibabaSecurityGroup.Core;

namespace AlibabaSecurityGroup.Cmdlets.Common
{
    /// <summary>
    /// Credentials and region set by Set-AlibabaCloudCredential / Set-AlibabaCloudRegion for the current session.
    /// Kept per runspace (never written to disk), so two runspaces in one process do not see each other's keys.
    /// </summary>
    internal static class SessionDefaultsStore
    {
        private static readonly ConditionalWeakTable<Runspace, SessionDefaults> PerRunspace = new ConditionalWeakTable<Runspace, SessionDefaults>();
        private static readonly SessionDefaults NoRunspace = new SessionDefaults();

        public static SessionDefaults Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace == null ? NoRunspace : PerRunspace.GetValue(runspace, _ => new SessionDefaults());
            }
        }
    }

    /// <summary>The values one session has set; the "session defaults" step of the credentials chain reads them.</summary>
    public sealed class SessionDefaults : ISessionDefaults
    {
        public string AccessKeyId { get; set; }
        public string AccessKeySecret { get; set; }
        public string SecurityToken { get; set; }
        public string ProfileName { get; set; }
        public string RegionId { get; set; }

        public void ClearCredential()
        {
            AccessKeyId = null;
            AccessKeySecret = null;
            SecurityToken = null;
            ProfileName = null;
        }

        public override string ToString() => "session defaults";
    }
}
