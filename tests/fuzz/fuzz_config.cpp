// Fuzzes the accelerate config reader: YAML and JSON parsing (aliases, merge keys, YAML 1.1 scalars),
// validation against the schema, and the canonical form. Property: `config update` reaches a fixed point. The
// canonical text of any config that loads reads back; one more update may differ (accelerate drops a key set
// to null, and the next load fills in its default, so Trainyard does the same), and after that the text never
// changes.
#include "config/accelerateconfig.h"
#include "system/hardware.h"

#include <cstdio>
#include <cstdlib>

using namespace trainyard;
using namespace Qt::StringLiterals;

namespace {

AccelerateConfig reread(const AccelerateConfig &config, Dialect dialect, const QString &name) {
    const QByteArray text = config.canonicalText(dialect);
    AccelerateConfig again = AccelerateConfig::fromBytes(text, name);
    if (!again.isLoaded()) {
        fprintf(stderr, "canonical text does not load:\n%s\n", text.constData());
        abort();
    }
    return again;
}

void roundTrip(const AccelerateConfig &config, Dialect dialect, const QString &name) {
    const AccelerateConfig once = reread(config, dialect, name);
    const AccelerateConfig twice = reread(once, dialect, name);
    if (twice.canonicalText(dialect) != once.canonicalText(dialect)) {
        fprintf(stderr, "config update is not idempotent:\n--- once\n%s\n--- twice\n%s\n",
                once.canonicalText(dialect).constData(), twice.canonicalText(dialect).constData());
        abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    HardwareInfo hw;
    hw.cudaDevices = 2;
    hw.logicalCores = 8;
    hw.physicalCores = 4;
    for (const QString &name : {u"fuzz.yaml"_s, u"fuzz.json"_s}) {
        const AccelerateConfig config = AccelerateConfig::fromBytes(bytes, name);
        (void)config.diagnostics(hw);
        if (!config.isLoaded())
            continue;
        (void)config.kind();
        // An alias bomb cut off at the reader's 100,000-value limit is still 100,000 values (about 800 KB of
        // canonical text): the reader's limit is what such input tests, and six more reads and writes of it
        // take over 10 s under ASan. The round-trip properties are about structure, which small documents
        // cover; tst_config round-trips that document once.
        if (config.canonicalText(Dialect::Yaml).size() > 256 * 1024)
            continue;
        roundTrip(config, Dialect::Yaml, u"canonical.yaml"_s);
        roundTrip(config, Dialect::Json, u"canonical.json"_s);
    }
    return 0;
}
