using System;
using AlibabaSecurityGroup.Engine.Sink;

namespace AlibabaSecurityGroup.Engine.Errors
{
    /// <summary>
    /// An error the engine itself decides: bad input, a predicted -WhatIf verdict, a failed asynchronous job,
    /// a wait that timed out. Carries the code that becomes the ErrorId.
    /// </summary>
    public sealed class RemovalFailure : Exception
    {
        public RemovalFailure(string code, EngineErrorCategory category, string message, string recommendedAction = null,
            Exception inner = null)
            : base(message, inner)
        {
            Code = code;
            Category = category;
            RecommendedAction = recommendedAction;
        }

        public string Code { get; }
        public EngineErrorCategory Category { get; }
        public string RecommendedAction { get; }

        public static RemovalFailure InvalidArgument(string message, string recommendedAction = null) =>
            new RemovalFailure(ErrorCodes.InvalidArgument, EngineErrorCategory.InvalidArgument, message, recommendedAction);
    }

    /// <summary>Codes the engine gives its own errors, and the service codes it reasons about.</summary>
    public static class ErrorCodes
    {
        public const string InvalidArgument = "InvalidArgument";
        public const string WaitTimeout = "WaitTimeout";
        public const string OperationCancelled = "OperationCancelled";
        public const string UnexpectedError = "UnexpectedError";
        public const string JobNotFound = "JobNotFound";

        // ECS "not a member": the seed's 403 code and the service's current 400 answer.
        public const string InstanceNotInSecurityGroup = "InstanceNotInSecurityGroup";
        public const string SecurityGroupAssociationNotFound = "InvalidSecurityGroupAssociation.NotFound";

        public static bool IsNotMember(string code) =>
            code == InstanceNotInSecurityGroup
            || code == SecurityGroupAssociationNotFound
            || code == "ResourceNotAssociated.SecurityGroup"  // ALB
            || code == "SecurityGroupNotFound";               // PrivateLink: not on the endpoint
    }
}
