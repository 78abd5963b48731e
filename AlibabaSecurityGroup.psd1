@{
    RootModule             = 'AlibabaSecurityGroup.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '580f30f3-6315-4049-ae30-4539905ac8e7'
    Author                 = 'AlibabaSecurityGroup contributors'
    CompanyName            = 'AlibabaSecurityGroup contributors'
    Copyright              = '(c) AlibabaSecurityGroup contributors. MIT License.'
    Description            = 'Removes security groups from Alibaba Cloud ECS instances and network interfaces, ALB load balancers and PrivateLink VPC endpoints, in bulk, with -WhatIf mapped to the API''s DryRun, retries on throttling and -Wait for asynchronous jobs.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('AlibabaSecurityGroup.Format.ps1xml')
    CmdletsToExport        = @(
        'Remove-EcsSecurityGroupMember'
        'Remove-AlbSecurityGroup'
        'Remove-PrivateLinkEndpointSecurityGroup'
        'Get-EcsSecurityGroupMember'
        'Get-AlbSecurityGroup'
        'Get-PrivateLinkEndpointSecurityGroup'
        'Set-AlibabaCloudCredential'
        'Get-AlibabaCloudCredential'
        'Clear-AlibabaCloudCredential'
        'Set-AlibabaCloudRegion'
        'Get-AlibabaCloudRegion'
        'Clear-AlibabaCloudRegion'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('AlibabaCloud', 'Aliyun', 'ECS', 'ALB', 'PrivateLink', 'SecurityGroup',
                             'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/alibabasecuritygroup/AlibabaSecurityGroup'
            LicenseUri   = 'https://github.com/alibabasecuritygroup/AlibabaSecurityGroup/blob/main/LICENSE'
            ReleaseNotes = 'First release: Remove-EcsSecurityGroupMember, Remove-AlbSecurityGroup and Remove-PrivateLinkEndpointSecurityGroup with -WhatIf as DryRun, -Wait and bulk pipelines; Get- cmdlets whose output pipes into them; session credential and region defaults; tab completion; formats and help.'
        }
    }
}
