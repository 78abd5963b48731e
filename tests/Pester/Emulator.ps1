# Shared by the Pester tests: start the emulator on a free port with a state, stop it afterwards.
# The emulator is a plain ASP.NET Core program; `dotnet run` builds it if needed.

function Start-TestEmulator {
    param([Parameter(Mandatory)] [hashtable] $State)
    $repo = Resolve-Path "$PSScriptRoot/../.."
    $statePath = Join-Path ([IO.Path]::GetTempPath()) ("asg-state-" + [guid]::NewGuid() + '.json')
    $State | ConvertTo-Json -Depth 8 | Set-Content -Path $statePath -Encoding utf8
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
    $url = "http://127.0.0.1:$port"
    $dll = Join-Path $repo 'src/AlibabaCloud.Emulator/bin/Release/net10.0/AlibabaCloud.Emulator.dll'
    $process = Start-Process -FilePath dotnet -ArgumentList @($dll, '--urls', $url, '--state', $statePath) -PassThru -NoNewWindow
    $deadline = (Get-Date).AddSeconds(15)
    do {
        Start-Sleep -Milliseconds 200
        try { $null = Invoke-RestMethod "$url/_emulator/state"; $ready = $true } catch { $ready = $false }
    } until ($ready -or (Get-Date) -gt $deadline)
    if (-not $ready) { Stop-Process -Id $process.Id -Force; throw "The emulator did not start on $url" }
    [pscustomobject]@{ Url = $url; Process = $process; StatePath = $statePath }
}

function Stop-TestEmulator {
    param($Emulator)
    if ($Emulator) {
        Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
        Remove-Item $Emulator.StatePath -ErrorAction SilentlyContinue
    }
}

# The emulator's documented default key pair.
$script:EmulatorKeyId = 'LTAI5tEmulatorAccessKey'
$script:EmulatorSecret = ConvertTo-SecureString 'EmulatorAccessKeySecret0000000000' -AsPlainText -Force
