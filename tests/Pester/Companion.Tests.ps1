#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get- cmdlets piped into Remove-, session defaults, completers and help, against the built module and the emulator.

BeforeAll {
    . "$PSScriptRoot/Emulator.ps1"
    Import-Module "$PSScriptRoot/../../out/AlibabaSecurityGroup/AlibabaSecurityGroup.psd1" -Force
    $state = @{
        securityGroups = @(
            @{ securityGroupId = 'sg-bp1keep'; regionId = 'cn-hangzhou'; vpcId = 'vpc-bp1test' },
            @{ securityGroupId = 'sg-bp1drop'; regionId = 'cn-hangzhou'; vpcId = 'vpc-bp1test' })
        instances      = @(1..3 | ForEach-Object { @{ instanceId = "i-bp1m$_"; regionId = 'cn-hangzhou'; status = 'Running'; securityGroupIds = @('sg-bp1keep', 'sg-bp1drop') } })
        loadBalancers  = @(@{ loadBalancerId = 'alb-bp1m1'; regionId = 'cn-hangzhou'; status = 'Active'; securityGroupIds = @('sg-bp1keep', 'sg-bp1drop') })
        vpcEndpoints   = @(@{ endpointId = 'ep-bp1m1'; regionId = 'cn-hangzhou'; status = 'Active'; securityGroupIds = @('sg-bp1keep', 'sg-bp1drop') })
        behavior       = @{ albJobMilliseconds = 200; endpointDetachMilliseconds = 200; endpointCooldownMilliseconds = 300 }
    }
    $script:emulator = Start-TestEmulator -State $state
    $env:ALIBABA_CLOUD_ENDPOINT = $emulator.Url
    Set-AlibabaCloudCredential -AccessKeyId $EmulatorKeyId -AccessKeySecret $EmulatorSecret
    Set-AlibabaCloudRegion cn-hangzhou
}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item Env:ALIBABA_CLOUD_ENDPOINT -ErrorAction SilentlyContinue
    Clear-AlibabaCloudCredential; Clear-AlibabaCloudRegion
}

Describe 'Get- output pipes into Remove- without Select-Object' {
    It 'removes every instance member of a group' {
        $members = Get-EcsSecurityGroupMember sg-bp1drop
        $members.Count | Should -Be 3
        $members[0].SecurityGroupCount | Should -Be 2
        $members | Remove-EcsSecurityGroupMember -Confirm:$false
        Get-EcsSecurityGroupMember sg-bp1drop | Should -BeNullOrEmpty
    }

    It 'removes a load balancer group and an endpoint group' {
        Get-AlbSecurityGroup alb-bp1m1 | Where-Object SecurityGroupId -eq 'sg-bp1drop' | Remove-AlbSecurityGroup -Wait -Confirm:$false
        (Get-AlbSecurityGroup alb-bp1m1).SecurityGroupId | Should -Be 'sg-bp1keep'
        Get-PrivateLinkEndpointSecurityGroup ep-bp1m1 | Where-Object SecurityGroupId -eq 'sg-bp1drop' | Remove-PrivateLinkEndpointSecurityGroup -Wait -Confirm:$false
        (Get-PrivateLinkEndpointSecurityGroup ep-bp1m1).SecurityGroupId | Should -Be 'sg-bp1keep'
    }
}

Describe 'Session defaults' {
    It 'Get-AlibabaCloudCredential shows the session source with a masked key and no secret' {
        $info = Get-AlibabaCloudCredential
        $info.Source | Should -Be 'Session'
        $info.AccessKeyId | Should -Not -Be $EmulatorKeyId
        ($info | Out-String) | Should -Not -Match 'EmulatorAccessKeySecret'
    }
    It 'Get-AlibabaCloudRegion shows the session region' {
        (Get-AlibabaCloudRegion).Region | Should -Be 'cn-hangzhou'
    }
}

Describe 'Tab completion' {
    It 'completes regions' {
        $line = 'Remove-EcsSecurityGroupMember -Region cn-hang'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain 'cn-hangzhou'
    }
    It 'completes security group ids from the service' {
        $line = 'Get-EcsSecurityGroupMember -SecurityGroupId sg-bp1'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain 'sg-bp1keep'
    }
}

Describe 'Help' {
    It '<_> has full help with examples' -ForEach @(
        'Remove-EcsSecurityGroupMember', 'Remove-AlbSecurityGroup', 'Remove-PrivateLinkEndpointSecurityGroup',
        'Get-EcsSecurityGroupMember', 'Get-AlbSecurityGroup', 'Get-PrivateLinkEndpointSecurityGroup') {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 3
    }
    It 'has the about topic' {
        Get-Help about_AlibabaSecurityGroup | Out-String | Should -Match 'ALIBABA_CLOUD_ACCESS_KEY_ID'
    }
}
