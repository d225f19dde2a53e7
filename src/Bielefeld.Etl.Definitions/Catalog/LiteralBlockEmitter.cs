using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Bielefeld.Etl.Definitions.Catalog;

/// <summary>
/// Writes multi-line texts (a cell's list items, one per line) as literal blocks (<c>|-</c>), so that a reviewer
/// reads and diffs them line by line as the plan prints them.
/// </summary>
internal sealed class LiteralBlockEmitter(IEventEmitter next) : ChainedEventEmitter(next)
{
    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        if (eventInfo.Source.Value is string text && text.Contains('\n', StringComparison.Ordinal))
        {
            eventInfo.Style = ScalarStyle.Literal;
        }

        base.Emit(eventInfo, emitter);
    }
}
