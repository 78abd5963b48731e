using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Security;
using AlibabaSecurityGroup.Cmdlets.Removal;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Module
{
    /// <summary>
    /// The cmdlet surface, read by reflection: what PowerShell will see when it loads the module. pwsh cannot run
    /// here, so these checks stand in for most of what a Pester run would catch.
    /// </summary>
    public class CmdletContractTests
    {
        public static TheoryData<string> RemovalCmdlets => new TheoryData<string>
        {
            "Remove-EcsSecurityGroupMember", "Remove-AlbSecurityGroup", "Remove-PrivateLinkEndpointSecurityGroup",
        };

        private static Type Cmdlet(string name) => ModuleAssembly.Cmdlets[name];

        private static CustomAttributeData ParameterAttribute(Type cmdlet, string parameter, string set = null)
        {
            var property = cmdlet.GetProperty(parameter) ?? throw new Xunit.Sdk.XunitException(cmdlet.Name + " has no -" + parameter);
            var attributes = CustomAttributes.Named(property, "ParameterAttribute").ToList();
            Assert.NotEmpty(attributes);
            return set == null ? attributes.Single() : attributes.Single(a => CustomAttributes.Arg<string>(a, "ParameterSetName") == set);
        }

        private static string[] Aliases(Type cmdlet, string parameter) =>
            CustomAttributes.Named(cmdlet.GetProperty(parameter), "AliasAttribute")
                .SelectMany(a => (object[])CustomAttributes.CtorArgs(a)[0]).Cast<string>().ToArray();

        [Theory]
        [MemberData(nameof(RemovalCmdlets))]
        public void Removal_cmdlets_support_ShouldProcess_with_medium_impact_and_declare_their_output(string name)
        {
            var attribute = CustomAttributes.Named(Cmdlet(name), "CmdletAttribute").Single();
            Assert.True(CustomAttributes.Arg<bool>(attribute, "SupportsShouldProcess"));
            Assert.Equal(ConfirmImpact.Medium, CustomAttributes.Arg<ConfirmImpact>(attribute, "ConfirmImpact"));
            var output = CustomAttributes.Named(Cmdlet(name), "OutputTypeAttribute").Single();
            Assert.Equal(new object[] { typeof(SecurityGroupRemovalResult) }, (object[])CustomAttributes.CtorArgs(output)[0]);
        }

        [Theory]
        [MemberData(nameof(RemovalCmdlets))]
        public void Removal_cmdlets_share_the_credential_region_and_bulk_parameters(string name)
        {
            var cmdlet = Cmdlet(name);
            var region = ParameterAttribute(cmdlet, "Region");
            Assert.True(CustomAttributes.Arg<bool>(region, "ValueFromPipelineByPropertyName"));
            Assert.Contains("RegionId", Aliases(cmdlet, "Region"));
            Assert.Equal(typeof(string), cmdlet.GetProperty("ProfileName").PropertyType);
            Assert.Equal(typeof(string), cmdlet.GetProperty("AccessKeyId").PropertyType);
            Assert.Equal(typeof(SecureString), cmdlet.GetProperty("AccessKeySecret").PropertyType);
            Assert.Equal(typeof(SecureString), cmdlet.GetProperty("SecurityToken").PropertyType);
            Assert.Equal(typeof(PSCredential), cmdlet.GetProperty("Credential").PropertyType);
            Assert.Equal(typeof(string), cmdlet.GetProperty("Endpoint").PropertyType);
            Assert.Equal(typeof(SwitchParameter), cmdlet.GetProperty("PassThru").PropertyType);
            Assert.Equal(typeof(int), cmdlet.GetProperty("ThrottleLimit").PropertyType);
            foreach (var p in new[] { "ProfileName", "AccessKeyId", "AccessKeySecret", "SecurityToken", "Credential", "Endpoint", "ThrottleLimit", "PassThru" })
                ParameterAttribute(cmdlet, p);
            var instance = (RemovalCmdlet)Activator.CreateInstance(cmdlet);
            Assert.Equal(5, instance.ThrottleLimit);
            Assert.NotEmpty(CustomAttributes.Named(cmdlet.GetProperty("ThrottleLimit"), "ValidateRangeAttribute"));
        }

        [Fact]
        public void Ecs_cmdlet_has_an_instance_set_and_a_network_interface_set()
        {
            var cmdlet = Cmdlet("Remove-EcsSecurityGroupMember");
            Assert.Equal("Instance", CustomAttributes.Arg<string>(CustomAttributes.Named(cmdlet, "CmdletAttribute").Single(), "DefaultParameterSetName"));

            var instance = ParameterAttribute(cmdlet, "InstanceId", "Instance");
            Assert.True(CustomAttributes.Arg<bool>(instance, "Mandatory"));
            Assert.True(CustomAttributes.Arg<bool>(instance, "ValueFromPipeline"));
            Assert.True(CustomAttributes.Arg<bool>(instance, "ValueFromPipelineByPropertyName"));

            var eni = ParameterAttribute(cmdlet, "NetworkInterfaceId", "NetworkInterface");
            Assert.True(CustomAttributes.Arg<bool>(eni, "Mandatory"));
            Assert.False(CustomAttributes.Arg<bool>(eni, "ValueFromPipeline"));
            Assert.True(CustomAttributes.Arg<bool>(eni, "ValueFromPipelineByPropertyName"));
            Assert.Contains("EniId", Aliases(cmdlet, "NetworkInterfaceId"));

            var group = ParameterAttribute(cmdlet, "SecurityGroupId");
            Assert.Null(CustomAttributes.Arg<string>(group, "ParameterSetName"));
            Assert.True(CustomAttributes.Arg<bool>(group, "Mandatory"));
            Assert.True(CustomAttributes.Arg<bool>(group, "ValueFromPipelineByPropertyName"));
            Assert.Equal(typeof(string), cmdlet.GetProperty("SecurityGroupId").PropertyType);

            Assert.Null(cmdlet.GetProperty("Wait"));
        }

        [Fact]
        public void Alb_cmdlet_takes_a_load_balancer_and_up_to_four_groups()
        {
            var cmdlet = Cmdlet("Remove-AlbSecurityGroup");
            var lb = ParameterAttribute(cmdlet, "LoadBalancerId");
            Assert.True(CustomAttributes.Arg<bool>(lb, "Mandatory"));
            Assert.True(CustomAttributes.Arg<bool>(lb, "ValueFromPipeline"));
            Assert.True(CustomAttributes.Arg<bool>(lb, "ValueFromPipelineByPropertyName"));

            var groups = ParameterAttribute(cmdlet, "SecurityGroupId");
            Assert.True(CustomAttributes.Arg<bool>(groups, "Mandatory"));
            Assert.True(CustomAttributes.Arg<bool>(groups, "ValueFromPipelineByPropertyName"));
            Assert.Equal(typeof(string[]), cmdlet.GetProperty("SecurityGroupId").PropertyType);
            Assert.Contains("SecurityGroupIds", Aliases(cmdlet, "SecurityGroupId"));
        }

        [Fact]
        public void PrivateLink_cmdlet_takes_an_endpoint_and_one_group()
        {
            var cmdlet = Cmdlet("Remove-PrivateLinkEndpointSecurityGroup");
            var ep = ParameterAttribute(cmdlet, "EndpointId");
            Assert.True(CustomAttributes.Arg<bool>(ep, "Mandatory"));
            Assert.True(CustomAttributes.Arg<bool>(ep, "ValueFromPipeline"));
            Assert.True(CustomAttributes.Arg<bool>(ep, "ValueFromPipelineByPropertyName"));
            var group = ParameterAttribute(cmdlet, "SecurityGroupId");
            Assert.True(CustomAttributes.Arg<bool>(group, "Mandatory"));
            Assert.True(CustomAttributes.Arg<bool>(group, "ValueFromPipelineByPropertyName"));
            Assert.Equal(typeof(string), cmdlet.GetProperty("SecurityGroupId").PropertyType);
        }

        [Theory]
        [InlineData("Remove-AlbSecurityGroup")]
        [InlineData("Remove-PrivateLinkEndpointSecurityGroup")]
        public void Asynchronous_cmdlets_have_Wait_and_TimeoutSec_defaulting_to_300(string name)
        {
            var cmdlet = Cmdlet(name);
            Assert.Equal(typeof(SwitchParameter), cmdlet.GetProperty("Wait").PropertyType);
            Assert.Equal(typeof(int), cmdlet.GetProperty("TimeoutSec").PropertyType);
            ParameterAttribute(cmdlet, "Wait");
            ParameterAttribute(cmdlet, "TimeoutSec");
            Assert.Equal(300, ((AsyncRemovalCmdlet)Activator.CreateInstance(cmdlet)).TimeoutSec);
        }

        [Theory]
        [MemberData(nameof(RemovalCmdlets))]
        public void The_pipeline_object_is_captured_for_error_targets_without_being_shown(string name)
        {
            var input = ParameterAttribute(Cmdlet(name), "InputObject");
            Assert.True(CustomAttributes.Arg<bool>(input, "ValueFromPipeline"));
            Assert.True(CustomAttributes.Arg<bool>(input, "DontShow"));
            Assert.False(CustomAttributes.Arg<bool>(input, "Mandatory"));
            Assert.Equal(typeof(PSObject), Cmdlet(name).GetProperty("InputObject").PropertyType);
        }

        [Theory]
        [InlineData("Get-EcsSecurityGroupMember", "SecurityGroupId", "AlibabaSecurityGroup.Model.EcsInstanceMembership")]
        [InlineData("Get-AlbSecurityGroup", "LoadBalancerId", "AlibabaSecurityGroup.Model.AlbSecurityGroupMembership")]
        [InlineData("Get-PrivateLinkEndpointSecurityGroup", "EndpointId", "AlibabaSecurityGroup.Model.EndpointSecurityGroupMembership")]
        public void Get_cmdlets_take_ids_by_value_and_property_name_and_share_the_client_parameters(string name, string idParameter, string outputType)
        {
            var cmdlet = Cmdlet(name);
            var id = ParameterAttribute(cmdlet, idParameter);
            Assert.True(CustomAttributes.Arg<bool>(id, "Mandatory"));
            Assert.True(CustomAttributes.Arg<bool>(id, "ValueFromPipeline"));
            Assert.True(CustomAttributes.Arg<bool>(id, "ValueFromPipelineByPropertyName"));
            Assert.Equal(typeof(string[]), cmdlet.GetProperty(idParameter).PropertyType);
            foreach (var p in new[] { "Region", "ProfileName", "AccessKeyId", "AccessKeySecret", "SecurityToken", "Credential", "Endpoint" })
                ParameterAttribute(cmdlet, p);
            var declared = CustomAttributes.Named(cmdlet, "OutputTypeAttribute").SelectMany(a => (object[])CustomAttributes.CtorArgs(a)[0]).Cast<Type>();
            Assert.Contains(declared, t => t.FullName == outputType);
            Assert.Empty(CustomAttributes.Named(cmdlet, "CmdletAttribute").Where(a => CustomAttributes.Arg<bool>(a, "SupportsShouldProcess")));
        }

        [Fact]
        public void Set_AlibabaCloudCredential_takes_keys_a_credential_or_a_profile()
        {
            var cmdlet = Cmdlet("Set-AlibabaCloudCredential");
            Assert.True(CustomAttributes.Arg<bool>(ParameterAttribute(cmdlet, "AccessKeyId", "AccessKey"), "Mandatory"));
            Assert.True(CustomAttributes.Arg<bool>(ParameterAttribute(cmdlet, "AccessKeySecret", "AccessKey"), "Mandatory"));
            Assert.Equal(typeof(SecureString), cmdlet.GetProperty("AccessKeySecret").PropertyType);
            Assert.True(CustomAttributes.Arg<bool>(ParameterAttribute(cmdlet, "Credential", "Credential"), "Mandatory"));
            Assert.True(CustomAttributes.Arg<bool>(ParameterAttribute(cmdlet, "ProfileName", "Profile"), "Mandatory"));
            ParameterAttribute(cmdlet, "SecurityToken", "AccessKey");
            ParameterAttribute(cmdlet, "SecurityToken", "Credential");
        }

        [Theory]
        [InlineData("Remove-EcsSecurityGroupMember", "SecurityGroupId", "SecurityGroupIdCompleter")]
        [InlineData("Remove-AlbSecurityGroup", "LoadBalancerId", "LoadBalancerIdCompleter")]
        [InlineData("Remove-PrivateLinkEndpointSecurityGroup", "EndpointId", "EndpointIdCompleter")]
        [InlineData("Get-EcsSecurityGroupMember", "Region", "RegionCompleter")]
        [InlineData("Get-AlbSecurityGroup", "ProfileName", "ProfileCompleter")]
        [InlineData("Set-AlibabaCloudRegion", "Region", "RegionCompleter")]
        public void Parameters_carry_their_argument_completers(string name, string parameter, string completer)
        {
            var attribute = CustomAttributes.Named(Cmdlet(name).GetProperty(parameter), "ArgumentCompleterAttribute").Single();
            Assert.Equal(completer, ((Type)CustomAttributes.CtorArgs(attribute)[0]).Name);
        }

        [Fact]
        public void Every_engine_error_category_is_a_PowerShell_error_category()
        {
            foreach (var name in Enum.GetNames(typeof(EngineErrorCategory)))
                Assert.True(Enum.IsDefined(typeof(ErrorCategory), name), name);
        }
    }
}
