using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace AlibabaSecurityGroup.Tests.Scale
{
    /// <summary>
    /// Ctrl+C (the engine's Stop) with every slot in flight. No timing is asserted: the emulator holds each call for
    /// 30 s, so an in-flight item that ends as OperationCancelled (and not as a success) was aborted, and the
    /// emulator's request count proves nothing started after Stop. The benchmark prints the Stop-to-Complete time.
    /// </summary>
    public class CancellationTests
    {
        private readonly ITestOutputHelper _output;

        public CancellationTests(ITestOutputHelper output) { _output = output; }

        [Fact]
        public async Task Stop_aborts_every_call_in_flight_and_starts_none_afterwards()
        {
            var outcome = await CancellationScenario.RunAsync(inFlight: 8, items: 40);
            _output.WriteLine(outcome.ToString());

            Assert.Empty(outcome.Problems);
            Assert.Equal(8, outcome.InFlightAtStop);
            Assert.Equal(8, outcome.CancelledAfterSending);
            Assert.Equal(40 - 1 - 8, outcome.CancelledBeforeSending);
            Assert.Equal(outcome.RequestsAtStop, outcome.RequestsLater);
            Assert.Equal(1, outcome.JournalEntries); // the first item, let through before the calls were held
        }
    }
}
