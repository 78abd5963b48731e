#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The removal cmdlets end to end: the built module (out/AlibabaSecurityGroup) against a local emulator.
# Run with ./build.ps1 (or Invoke-Pester tests/Pester) after `dotnet build Modules.sln -c Release`.

BeforeAll {
    . "$PSScriptRoot/Emulator.ps1"
    Import-Module "$PSScriptRoot/../../out/AlibabaSecurityGroup/AlibabaSecurityGroup.psd1" -Force

    function New-State {
        $groups = 1..5 | ForEach-Object { @{ securityGroupId = "sg-bp1test$_"; regionId = 'cn-hangzhou'; vpcId = 'vpc-bp1test' } }
        $instances = 1..6 | ForEach-Object { @{ instanceId = "i-bp1test$_"; regionId = 'cn-hangzhou'; status = 'Running'; securityGroupIds = @('sg-bp1test1', 'sg-bp1test2') } }
        @{
            securityGroups    = @($groups)
            instances         = @($instances) + @(@{ instanceId = 'i-bp1lonely'; regionId = 'cn-hangzhou'; status = 'Running'; securityGroupIds = @('sg-bp1test1') })
            networkInterfaces = @(@{ networkInterfaceId = 'eni-bp1test1'; regionId = 'cn-hangzhou'; type = 'Secondary'; status = 'Available'; securityGroupIds = @('sg-bp1test1', 'sg-bp1test2') })
            loadBalancers     = @(
                @{ loadBalancerId = 'alb-bp1test1'; regionId = 'cn-hangzhou'; status = 'Active'; securityGroupIds = @('sg-bp1test1', 'sg-bp1test2', 'sg-bp1test3') },
                @{ loadBalancerId = 'alb-bp1test2'; regionId = 'cn-hangzhou'; status = 'Active'; securityGroupIds = @('sg-bp1test1', 'sg-bp1test2') })
            vpcEndpoints      = @(@{ endpointId = 'ep-bp1test1'; regionId = 'cn-hangzhou'; status = 'Active'; securityGroupIds = @('sg-bp1test1', 'sg-bp1test2', 'sg-bp1test3') })
            behavior          = @{ albJobMilliseconds = 300; endpointDetachMilliseconds = 300; endpointCooldownMilliseconds = 500 }
        }
    }
}

Describe 'Removal cmdlets against the emulator' {
    BeforeEach {
        $script:emulator = Start-TestEmulator -State (New-State)
        $env:ALIBABA_CLOUD_ENDPOINT = $emulator.Url
        Set-AlibabaCloudCredential -AccessKeyId $EmulatorKeyId -AccessKeySecret $EmulatorSecret
        Set-AlibabaCloudRegion cn-hangzhou
    }
    AfterEach {
        Stop-TestEmulator $emulator
        Remove-Item Env:ALIBABA_CLOUD_ENDPOINT -ErrorAction SilentlyContinue
        Clear-AlibabaCloudCredential; Clear-AlibabaCloudRegion
    }

    It 'binds instance ids by value from strings and writes nothing without -PassThru' {
        $out = 'i-bp1test1', 'i-bp1test2' | Remove-EcsSecurityGroupMember -SecurityGroupId sg-bp1test2 -Confirm:$false
        $out | Should -BeNullOrEmpty
        (Invoke-RestMethod "$($emulator.Url)/_emulator/journal").Count | Should -Be 2
    }

    It 'binds by property name from [pscustomobject], including the EniId alias' {
        $items = @(
            [pscustomobject]@{ InstanceId = 'i-bp1test3'; SecurityGroupId = 'sg-bp1test2'; RegionId = 'cn-hangzhou' }
            [pscustomobject]@{ EniId = 'eni-bp1test1'; SecurityGroupId = 'sg-bp1test2' }
        )
        $results = $items | Remove-EcsSecurityGroupMember -PassThru -Confirm:$false
        $results.Count | Should -Be 2
        $results.Status | Should -Be @('Removed', 'Removed')
        ($results | Where-Object ResourceType -eq 'NetworkInterface').ResourceId | Should -Be 'eni-bp1test1'
    }

    It 'binds by property name from Import-Csv' {
        $csv = Join-Path $TestDrive 'removals.csv'
        @'
InstanceId,SecurityGroupId
i-bp1test4,sg-bp1test2
i-bp1test5,sg-bp1test2
'@ | Set-Content $csv
        $results = Import-Csv $csv | Remove-EcsSecurityGroupMember -PassThru -Confirm:$false
        $results.ResourceId | Sort-Object | Should -Be @('i-bp1test4', 'i-bp1test5')
        $results[0] | Should -BeOfType 'AlibabaSecurityGroup.Model.SecurityGroupRemovalResult'
    }

    It '-WhatIf reports DryRunPassed with -PassThru and changes nothing' {
        $results = Remove-AlbSecurityGroup alb-bp1test1 -SecurityGroupId sg-bp1test2 -WhatIf -PassThru
        $results.Status | Should -Be 'DryRunPassed'
        $ecs = Remove-EcsSecurityGroupMember i-bp1test1 -SecurityGroupId sg-bp1test2 -WhatIf -PassThru
        $ecs.Status | Should -Be 'DryRunPassed'
        (Invoke-RestMethod "$($emulator.Url)/_emulator/journal").Count | Should -Be 0
    }

    It '-WhatIf on a removal that would fail is a non-terminating error with the predicted code' {
        Remove-EcsSecurityGroupMember i-bp1lonely -SecurityGroupId sg-bp1test1 -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InstanceLastSecurityGroup,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'an error about one item does not stop the others, and carries the service code and the input' {
        $results = 'i-bp1lonely', 'i-bp1test6' | ForEach-Object { [pscustomobject]@{ InstanceId = $_; SecurityGroupId = 'sg-bp1test1' } } |
            Remove-EcsSecurityGroupMember -PassThru -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $results.ResourceId | Should -Be 'i-bp1test6'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InstanceLastSecurityGroup,*'
        $err[0].TargetObject.InstanceId | Should -Be 'i-bp1lonely'
        $err[0].ToString() | Should -Match 'RequestId'
    }

    It '-ErrorAction Stop turns the first item error into a terminating one' {
        { Remove-EcsSecurityGroupMember i-bp1lonely -SecurityGroupId sg-bp1test1 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'InstanceLastSecurityGroup,*'
    }

    It 'not-a-member errors have category ObjectNotFound so a runbook can skip exactly those' {
        Remove-EcsSecurityGroupMember i-bp1test1 -SecurityGroupId sg-bp1test5 -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'an instance id given as -NetworkInterfaceId is InvalidArgument naming the right parameter' {
        Remove-EcsSecurityGroupMember -NetworkInterfaceId i-bp1test1 -SecurityGroupId sg-bp1test2 -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].ToString() | Should -Match '-InstanceId'
    }

    It 'five security groups for an ALB is refused before any call' {
        Remove-AlbSecurityGroup alb-bp1test1 -SecurityGroupId (1..5 | ForEach-Object { "sg-bp1test$_" }) -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].ToString() | Should -Match 'at most 4'
        (Invoke-RestMethod "$($emulator.Url)/_emulator/requests").PSObject.Properties.Name | Should -Not -Contain 'LoadBalancerLeaveSecurityGroup'
    }

    It '-Wait waits for the ALB job and reports Removed with its JobId' {
        $result = Remove-AlbSecurityGroup alb-bp1test1 -SecurityGroupId sg-bp1test2, sg-bp1test3 -Wait -PassThru -Confirm:$false
        $result.Status | Should -Be 'Removed'
        $result.JobId | Should -Not -BeNullOrEmpty
    }

    It '-Wait on a PrivateLink detach ends when the group is gone' {
        $result = 'ep-bp1test1' | Remove-PrivateLinkEndpointSecurityGroup -SecurityGroupId sg-bp1test3 -Wait -PassThru -Confirm:$false
        $result.Status | Should -Be 'Removed'
        (Get-PrivateLinkEndpointSecurityGroup ep-bp1test1).SecurityGroupId | Should -Not -Contain 'sg-bp1test3'
    }

    It 'a missing region is one terminating error' {
        Clear-AlibabaCloudRegion
        { 'i-bp1test1' | Remove-EcsSecurityGroupMember -SecurityGroupId sg-bp1test2 -Confirm:$false } | Should -Throw -ErrorId 'MissingRegion,*'
    }

    It 'Verbose output never contains the secret' {
        $verbose = Remove-EcsSecurityGroupMember i-bp1test1 -SecurityGroupId sg-bp1test2 -Confirm:$false -Verbose 4>&1 | Out-String
        $verbose | Should -Match 'LeaveSecurityGroup'
        $verbose | Should -Not -Match 'EmulatorAccessKeySecret'
    }
}
