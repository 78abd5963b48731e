using System;
using System.Linq;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine.Errors;
using AlibabaSecurityGroup.Engine.Validation;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Services.Ecs;

namespace AlibabaSecurityGroup.Engine.Operations
{
    /// <summary>
    /// ECS LeaveSecurityGroup for an instance or a network interface. The API has no DryRun and no ClientToken,
    /// so -WhatIf runs <see cref="EcsPreflight"/>, and a retry after an unanswered attempt that hears
    /// "not a member" counts as success (the unanswered attempt did it).
    /// </summary>
    public sealed class EcsLeaveOperation : RemovalOperation
    {
        public EcsLeaveOperation(object inputObject, string regionId, string securityGroupId, string instanceId, string networkInterfaceId)
            : base(inputObject, regionId)
        {
            SecurityGroupId = securityGroupId;
            InstanceId = instanceId;
            NetworkInterfaceId = networkInterfaceId;
        }

        public string SecurityGroupId { get; }
        public string InstanceId { get; }
        public string NetworkInterfaceId { get; }

        private bool IsInstance => NetworkInterfaceId == null;

        public override string ResourceKey => "ecs:" + ResourceId;
        public override RemovalResourceType ResourceType => IsInstance ? RemovalResourceType.Instance : RemovalResourceType.NetworkInterface;
        public override string ResourceId => IsInstance ? InstanceId : NetworkInterfaceId;
        public override string[] SecurityGroupIds => new[] { SecurityGroupId };
        public override string WhatIfMethod => "read-only preflight; ECS LeaveSecurityGroup has no DryRun";
        public override string Action => "Remove from security group " + SecurityGroupId;

        public override string Describe(string regionId) =>
            (IsInstance ? "ECS instance " : "network interface ") + ResourceId + " (" + regionId + ")";

        public override string ChangeAction => "LeaveSecurityGroup";

        protected internal override async Task<bool> GroupsGoneAsync(ItemContext context)
        {
            var ecs = context.Services.Ecs;
            var filter = new EcsListFilter { RegionId = context.RegionId, Ids = new[] { ResourceId } };
            string[] groups = IsInstance
                ? (await ecs.DescribeInstancesAsync(filter, context.Cancellation).ConfigureAwait(false)).Items
                    .FirstOrDefault(i => i.InstanceId == InstanceId)?.SecurityGroupIds
                : (await ecs.DescribeNetworkInterfacesAsync(filter, context.Cancellation).ConfigureAwait(false)).Items
                    .FirstOrDefault(n => n.NetworkInterfaceId == NetworkInterfaceId)?.SecurityGroupIds;
            return groups != null && !groups.Contains(SecurityGroupId);
        }

        public override RemovalFailure Validate()
        {
            if (InstanceId != null && NetworkInterfaceId != null)
                return RemovalFailure.InvalidArgument("Give -InstanceId or -NetworkInterfaceId, not both: LeaveSecurityGroup takes one resource per call.");
            return IsInstance
                ? IdRules.Problem(InstanceId, IdKind.Instance) ?? IdRules.Problem(SecurityGroupId, IdKind.SecurityGroup)
                : IdRules.Problem(NetworkInterfaceId, IdKind.NetworkInterface) ?? IdRules.Problem(SecurityGroupId, IdKind.SecurityGroup);
        }

        public override async Task<SecurityGroupRemovalResult> RunAsync(ItemContext context)
        {
            if (context.WhatIf)
            {
                await new EcsPreflight(context.Services.Ecs, context.RegionId, context.Cancellation)
                    .CheckAsync(SecurityGroupId, InstanceId, NetworkInterfaceId).ConfigureAwait(false);
                return Result(context, RemovalStatus.DryRunPassed, requestId: null);
            }

            try
            {
                var response = await context.Services.Ecs.LeaveSecurityGroupAsync(context.RegionId, SecurityGroupId,
                    InstanceId, NetworkInterfaceId, context.Cancellation).ConfigureAwait(false);
                return Result(context, RemovalStatus.Removed, response.RequestId);
            }
            catch (AlibabaCloudException e) when (EarlierAttemptDidIt(e))
            {
                return RemovedByEarlierAttempt(context, e);
            }
        }
    }
}
