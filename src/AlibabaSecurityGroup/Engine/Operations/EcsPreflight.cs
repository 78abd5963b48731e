using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Engine.Errors;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Services.Ecs;

namespace AlibabaSecurityGroup.Engine.Operations
{
    /// <summary>
    /// Predicts ECS LeaveSecurityGroup's verdict with read-only Describe calls, because the API has no DryRun.
    /// Throws a <see cref="RemovalFailure"/> carrying the code the service would answer; returns when it would succeed.
    /// </summary>
    internal sealed class EcsPreflight
    {
        private const string Predicted = " (predicted by a read-only preflight; nothing was changed)";
        private readonly EcsClient _ecs;
        private readonly string _regionId;
        private readonly CancellationToken _cancellation;

        public EcsPreflight(EcsClient ecs, string regionId, CancellationToken cancellation)
        {
            _ecs = ecs;
            _regionId = regionId;
            _cancellation = cancellation;
        }

        public async Task CheckAsync(string securityGroupId, string instanceId, string networkInterfaceId)
        {
            string[] groups;
            if (instanceId != null)
            {
                var page = await _ecs.DescribeInstancesAsync(new EcsListFilter { RegionId = _regionId, Ids = new[] { instanceId } }, _cancellation).ConfigureAwait(false);
                var instance = page.Items.FirstOrDefault(i => i.InstanceId == instanceId)
                    ?? throw Fail("InvalidInstanceId.NotFound", EngineErrorCategory.ObjectNotFound, "instance " + instanceId + " does not exist in " + _regionId);
                if (instance.Status != "Running" && instance.Status != "Stopped")
                    throw Fail("IncorrectInstanceStatus", EngineErrorCategory.InvalidOperation,
                        "instance " + instanceId + " is " + instance.Status + "; it must be Running or Stopped");
                if (instance.LockReasons.Contains("security"))
                    throw Fail("InstanceLockedForSecurity", EngineErrorCategory.InvalidOperation, "instance " + instanceId + " is locked for security reasons");
                groups = instance.SecurityGroupIds;
            }
            else
            {
                var page = await _ecs.DescribeNetworkInterfacesAsync(new EcsListFilter { RegionId = _regionId, Ids = new[] { networkInterfaceId } }, _cancellation).ConfigureAwait(false);
                var eni = page.Items.FirstOrDefault(n => n.NetworkInterfaceId == networkInterfaceId)
                    ?? throw Fail("InvalidEniId.NotFound", EngineErrorCategory.ObjectNotFound, "network interface " + networkInterfaceId + " does not exist in " + _regionId);
                if (eni.ServiceManaged)
                    throw Fail("InvalidOperation.EniServiceManaged", EngineErrorCategory.InvalidOperation,
                        "network interface " + networkInterfaceId + " is managed by a cloud service");
                if (eni.Status != "Available" && eni.Status != "InUse")
                    throw Fail("InvalidOperation.InvalidEniState", EngineErrorCategory.InvalidOperation,
                        "network interface " + networkInterfaceId + " is " + eni.Status + "; it must be Available or InUse");
                groups = eni.SecurityGroupIds;
            }

            var found = await _ecs.DescribeSecurityGroupsAsync(_regionId, new[] { securityGroupId }, _cancellation).ConfigureAwait(false);
            if (!found.Any(g => g.SecurityGroupId == securityGroupId))
                throw Fail("InvalidSecurityGroupId.NotFound", EngineErrorCategory.ObjectNotFound, "security group " + securityGroupId + " does not exist in " + _regionId);

            string resource = instanceId ?? networkInterfaceId;
            if (!groups.Contains(securityGroupId))
                throw Fail(ErrorCodes.SecurityGroupAssociationNotFound, EngineErrorCategory.ObjectNotFound,
                    resource + " is not a member of security group " + securityGroupId);
            if (groups.Length <= 1)
                throw Fail(instanceId != null ? "InstanceLastSecurityGroup" : "InvalidOperation.AtLeastInOneGroup", EngineErrorCategory.InvalidOperation,
                    securityGroupId + " is the last security group of " + resource + "; a resource must keep at least one");
        }

        private static RemovalFailure Fail(string code, EngineErrorCategory category, string reason) =>
            new RemovalFailure(code, category, code + ": " + reason + Predicted + ".");
    }
}
