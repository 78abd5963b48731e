using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Errors;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Engine
{
    /// <summary>
    /// Every seed error code the service can answer reaches the user as the ErrorId, with the mapped category, the
    /// input as TargetObject, and a message naming the ids and the RequestId. (Codes a request can only earn by being
    /// malformed — InvalidInstanceId.Malformed, InvalidParam.*, MissingParameter.RegionId, the EniId/InstanceId
    /// conflict — are stopped earlier by validation; see ValidationTests.)
    /// </summary>
    public class ServiceErrorTests
    {
        private const string R = EmulatorHarness.Region;

        private static EmulatorState State(string notMemberCode = "InstanceNotInSecurityGroup")
        {
            var s = new EmulatorState
            {
                Behavior = new BehaviorSettings { NotMemberErrorCode = notMemberCode, AlbJobMilliseconds = 100, EndpointDetachMilliseconds = 100, EndpointCooldownMilliseconds = 100 },
            };
            for (int g = 1; g <= 4; g++) s.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(g), RegionId = R });
            s.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(50), RegionId = R, ServiceManaged = true });
            void Instance(int n, string status, string lockReason = null, params int[] groups)
            {
                var i = new InstanceState { InstanceId = Ids.Instance(n), RegionId = R, Status = status, LockReason = lockReason };
                foreach (var g in groups) i.SecurityGroupIds.Add(Ids.Group(g));
                s.Instances.Add(i);
            }
            Instance(1, "Running", null, 1, 2);
            Instance(2, "Running", null, 1);
            Instance(3, "Starting", null, 1, 2);
            Instance(4, "Running", "security", 1, 2);
            Instance(5, "Running", null, 1, 50);
            void Eni(int n, string type, string status, bool managed, params int[] groups)
            {
                var e = new NetworkInterfaceState { NetworkInterfaceId = Ids.Eni(n), RegionId = R, Type = type, Status = status, ServiceManaged = managed };
                foreach (var g in groups) e.SecurityGroupIds.Add(Ids.Group(g));
                s.NetworkInterfaces.Add(e);
            }
            Eni(1, "Secondary", "Attaching", false, 1, 2);
            Eni(2, "Secondary", "Available", false, 1);
            Eni(3, "Secondary", "Available", true, 1, 2);
            Eni(4, "Primary", "InUse", false, 1, 2);
            s.LoadBalancers.Add(new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(1), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
            s.LoadBalancers.Add(new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(2), RegionId = R, Status = "Inactive", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
            void Endpoint(int n, string status = "Active", bool locked = false, string type = null, string connection = null, params int[] groups)
            {
                var e = new VpcEndpointState { EndpointId = Ids.Endpoint(n), RegionId = R, Status = status, Locked = locked, EndpointType = type, ConnectionStatus = connection };
                foreach (var g in groups) e.SecurityGroupIds.Add(Ids.Group(g));
                s.VpcEndpoints.Add(e);
            }
            Endpoint(1, groups: new[] { 1, 2 });
            Endpoint(2, groups: new[] { 1 });
            Endpoint(3, status: "Creating", groups: new[] { 1, 2 });
            Endpoint(4, locked: true, groups: new[] { 1, 2 });
            Endpoint(5, connection: "Connecting", groups: new[] { 1, 2 });
            Endpoint(6, connection: "ServiceDeleted", groups: new[] { 1, 2 });
            Endpoint(7, type: "GatewayLoadBalancer", groups: new[] { 1, 2 });
            return s;
        }

        private static EcsLeaveOperation Ecs(int instance, int group) => new EcsLeaveOperation("target", null, Ids.Group(group), Ids.Instance(instance), null);
        private static EcsLeaveOperation EcsEni(int eni, int group) => new EcsLeaveOperation("target", null, Ids.Group(group), null, Ids.Eni(eni));
        private static AlbLeaveOperation Alb(int lb, params int[] groups) => new AlbLeaveOperation("target", null, Ids.LoadBalancer(lb), System.Array.ConvertAll(groups, Ids.Group));
        private static PrivateLinkDetachOperation Ep(int ep, int group) => new PrivateLinkDetachOperation("target", null, Ids.Endpoint(ep), Ids.Group(group));

        public static TheoryData<RemovalOperation, string, EngineErrorCategory> Cases => new TheoryData<RemovalOperation, string, EngineErrorCategory>
        {
            // ECS LeaveSecurityGroup
            { Ecs(9, 1), "InvalidInstanceId.NotFound", EngineErrorCategory.ObjectNotFound },
            { Ecs(1, 9), "InvalidSecurityGroupId.NotFound", EngineErrorCategory.ObjectNotFound },
            { EcsEni(9, 1), "InvalidEniId.NotFound", EngineErrorCategory.ObjectNotFound },
            { Ecs(2, 1), "InstanceLastSecurityGroup", EngineErrorCategory.InvalidOperation },
            { Ecs(3, 2), "IncorrectInstanceStatus", EngineErrorCategory.InvalidOperation },
            { Ecs(4, 2), "InstanceLockedForSecurity", EngineErrorCategory.InvalidOperation },
            { Ecs(1, 3), "InstanceNotInSecurityGroup", EngineErrorCategory.ObjectNotFound },
            { Ecs(5, 50), "InvalidOperation.ResourceManagedByCloudProduct", EngineErrorCategory.InvalidOperation },
            { EcsEni(1, 2), "InvalidOperation.InvalidEniState", EngineErrorCategory.InvalidOperation },
            { EcsEni(2, 1), "InvalidOperation.AtLeastInOneGroup", EngineErrorCategory.InvalidOperation },
            { EcsEni(3, 2), "InvalidOperation.EniServiceManaged", EngineErrorCategory.InvalidOperation },
            { EcsEni(4, 2), "InvalidOperation.InvalidEniType", EngineErrorCategory.InvalidOperation },
            // ALB LoadBalancerLeaveSecurityGroup
            { Alb(9, 1), "ResourceNotFound.LoadBalancer", EngineErrorCategory.ObjectNotFound },
            { Alb(1, 9), "ResourceNotFound.SecurityGroup", EngineErrorCategory.ObjectNotFound },
            { Alb(1, 3), "ResourceNotAssociated.SecurityGroup", EngineErrorCategory.ObjectNotFound },
            { Alb(2, 2), "IncorrectStatus.LoadBalancer", EngineErrorCategory.InvalidOperation },
            { Alb(1, 1, 2), "OperationDenied.SecurityGroupNotSupport", EngineErrorCategory.InvalidOperation },
            // PrivateLink DetachSecurityGroupFromVpcEndpoint
            { Ep(9, 1), "EndpointNotFound", EngineErrorCategory.ObjectNotFound },
            { Ep(1, 3), "SecurityGroupNotFound", EngineErrorCategory.ObjectNotFound },
            { Ep(2, 1), "EndpointMustContainSecurityGroup", EngineErrorCategory.InvalidOperation },
            { Ep(3, 2), "EndpointOperationDenied", EngineErrorCategory.InvalidOperation },
            { Ep(4, 2), "EndpointLocked", EngineErrorCategory.InvalidOperation },
            { Ep(5, 2), "EndpointConnectionOperationDenied", EngineErrorCategory.InvalidOperation },
            { Ep(6, 2), "EndpointServiceDeleted", EngineErrorCategory.InvalidOperation },
            { Ep(7, 2), "GatewayLoadBalancerNotSupportSecurityGroup", EngineErrorCategory.InvalidOperation },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task A_service_error_reaches_the_user_with_its_code_category_target_and_RequestId(
            RemovalOperation operation, string code, EngineErrorCategory category)
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { operation });

            Assert.Empty(sink.Results);
            var error = Assert.Single(sink.Errors);
            Assert.Equal(code, error.ErrorId);
            Assert.Equal(category, error.Category);
            Assert.Equal("target", error.TargetObject);
            Assert.Contains(operation.ResourceId, error.Message);
            Assert.Contains(operation.SecurityGroupIds[0], error.Message);
            Assert.Matches("RequestId [0-9A-F-]{36}", error.Message);
            var service = Assert.IsType<AlibabaCloudException>(error.Exception);
            Assert.Equal(code, service.Code);
            Assert.Empty(emulator.Server.GetJournal());
        }

        [Fact]
        public async Task The_services_current_not_a_member_answer_keeps_its_own_ErrorId_and_ObjectNotFound()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State("InvalidSecurityGroupAssociation.NotFound"));
            var error = Assert.Single(emulator.Run(new[] { Ecs(1, 3) }).Errors);
            Assert.Equal("InvalidSecurityGroupAssociation.NotFound", error.ErrorId);
            Assert.Equal(EngineErrorCategory.ObjectNotFound, error.Category);
            Assert.True(ErrorCodes.IsNotMember(error.ErrorId));
        }

        [Theory]
        [InlineData("Throttling.User", 400, EngineErrorCategory.LimitsExceeded)]
        [InlineData("SignatureDoesNotMatch", 400, EngineErrorCategory.AuthenticationError)]
        [InlineData("InvalidAccessKeyId.NotFound", 404, EngineErrorCategory.AuthenticationError)]
        [InlineData("Forbidden.RAM", 403, EngineErrorCategory.PermissionDenied)]
        [InlineData("InternalError", 500, EngineErrorCategory.ResourceUnavailable)]
        [InlineData("RequestTimeout", 504, EngineErrorCategory.OperationTimeout)]
        [InlineData("InvalidParameter", 400, EngineErrorCategory.InvalidArgument)]
        [InlineData("SomethingNew", 403, EngineErrorCategory.PermissionDenied)]
        [InlineData("SomethingNew", 404, EngineErrorCategory.ObjectNotFound)]
        public void Codes_outside_the_seed_tables_still_map_to_a_sensible_category(string code, int status, EngineErrorCategory expected)
        {
            Assert.Equal(expected, ErrorClassifier.Categorize(new AlibabaCloudException(ErrorKind.Service, code, "m", status)));
        }

        [Fact]
        public void Transport_failures_and_timeouts_have_their_own_categories()
        {
            Assert.Equal(EngineErrorCategory.ConnectionError, ErrorClassifier.Categorize(new AlibabaCloudException(ErrorKind.Transport, null, "reset")));
            Assert.Equal(EngineErrorCategory.OperationTimeout, ErrorClassifier.Categorize(new AlibabaCloudException(ErrorKind.Timeout, null, "slow")));
        }
    }
}
