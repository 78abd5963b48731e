using System;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Model;

namespace AlibabaSecurityGroup.Engine.Scheduling
{
    /// <summary>
    /// Settles an item whose change may have been applied although the item failed: one of its attempts got no answer
    /// (a dropped connection, a read timeout, a SignatureNonceUsed replay) and the retries that followed ran out, or the
    /// change was accepted and a later call (polling its job, reading the endpoint) ran out of retries. A read of the
    /// resource tells: if none of the item's groups is attached any more, the change was made and the item is reported
    /// as removed, so that the outcome matches what the service did. (The same inference the operations make when a
    /// retry hears "not a member".)
    /// </summary>
    internal static class UnknownOutcome
    {
        /// <summary>
        /// True when <paramref name="error"/> ended a change whose outcome is unknown: the change call (or an earlier
        /// attempt of it) got no answer, or the change was accepted and a later call failed.
        /// </summary>
        public static bool MayHaveApplied(RemovalOperation operation, Exception error) =>
            error is AlibabaCloudException e && e.Kind != ErrorKind.Configuration && !e.IsDryRunPassed
            && (e.OutcomeUnknown || (e.History != null && e.History.EarlierAttemptOutcomeUnknown) || FailedAfterTheChange(operation, e));

        /// <summary>True when the call that failed was not the change itself, so the change had been accepted.</summary>
        public static bool FailedAfterTheChange(RemovalOperation operation, Exception error) =>
            error is AlibabaCloudException e && e.Action != null && e.Action != operation.ChangeAction;

        /// <summary>A result when a read shows the groups are gone, null when it does not. Throws what the read throws.</summary>
        public static async Task<SecurityGroupRemovalResult> ConfirmAsync(RemovalOperation operation, ItemContext context)
        {
            if (!await operation.GroupsGoneAsync(context).ConfigureAwait(false)) return null;
            context.Verbose("The " + operation.Action.ToLowerInvariant() + " on " + operation.ResourceId + " ended in an error after " +
                "the change may have been made, and a read shows it was made. Counted as removed.");
            return operation.ConfirmedRemoval(context);
        }
    }
}
