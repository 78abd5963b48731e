<#
.SYNOPSIS
    Builds, tests and stages AlibabaSecurityGroup for people who have PowerShell.
.DESCRIPTION
    1. dotnet build: stages a loadable module in out/AlibabaSecurityGroup (DLL, manifest, format, help).
    2. dotnet test: the xunit suite (core, emulator, engine, cmdlet contracts, help coverage).
    3. Pester, when installed: tests/Pester against out/AlibabaSecurityGroup and a local emulator.
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -SkipTests -Package   # build and create out/AlibabaSecurityGroup.<version>.zip
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',
    [switch] $SkipTests,
    [switch] $Package
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

dotnet build Modules.sln -c $Configuration
if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)" }

if (-not $SkipTests) {
    dotnet test Modules.sln -c $Configuration --no-build
    if ($LASTEXITCODE) { throw "dotnet test failed ($LASTEXITCODE)" }

    if (Get-Module -ListAvailable -Name Pester | Where-Object Version -ge '5.0') {
        $result = Invoke-Pester -Path tests/Pester -PassThru -Output Detailed
        if ($result.FailedCount) { throw "$($result.FailedCount) Pester test(s) failed" }
    } else {
        Write-Warning 'Pester 5 is not installed: skipping tests/Pester (Install-Module Pester -MinimumVersion 5.0).'
    }
}

if ($Package) {
    $version = (Import-PowerShellDataFile ./AlibabaSecurityGroup.psd1).ModuleVersion
    $zip = "out/AlibabaSecurityGroup.$version.zip"
    Compress-Archive -Path out/AlibabaSecurityGroup -DestinationPath $zip -Force
    Write-Host "Packaged $zip"
}
