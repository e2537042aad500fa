#include "runcompare.h"

#include "launch/runrecord.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct CompareText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::CompareText)
};
} // namespace

QString sectionName(ComparedSetting::Section section) {
    switch (section) {
    case ComparedSetting::Section::Run:
        return u"run"_s;
    case ComparedSetting::Section::Config:
        return u"config"_s;
    case ComparedSetting::Section::Param:
        return u"param"_s;
    case ComparedSetting::Section::Metric:
        return u"metric"_s;
    }
    return {};
}

RunComparison compareRuns(StoreReader &reader, const QList<qint64> &runIds) {
    RunComparison out;
    QList<QMap<QString, QString>> run, config, params, metrics;
    for (const qint64 id : runIds) {
        const std::optional<RunRow> r = reader.run(id);
        if (!r) {
            out.error = CompareText::tr("no run %1 in the database").arg(id);
            return out;
        }
        out.runs << *r;
        QMap<QString, QString> launch;
        launch.insert(u"command"_s, recordedCommandLine(r->command)); // as typed, not a JSON array
        launch.insert(u"working_dir"_s, r->workingDirectory);
        launch.insert(u"host"_s, r->host);
        launch.insert(u"status"_s, runStatusName(r->status));
        launch.insert(u"exit_code"_s, QString::number(r->exitCode));
        launch.insert(u"duration"_s, formatDuration(*r));
        run << launch;
        // The snapshot taken at launch, read as accelerate reads it (JSON is YAML too).
        config << (r->config.isEmpty()
                       ? QMap<QString, QString>{}
                       : flattenSettings(AccelerateConfig::fromBytes(r->config.toUtf8(), u"config.yaml"_s)));
        params << reader.params(id);
        QMap<QString, QString> last;
        for (const SeriesRow &s : reader.series(id))
            last.insert(u"%1 (rank %2)"_s.arg(s.key).arg(s.rank), QString::number(s.lastValue, 'g', 6));
        metrics << last;
    }
    const auto add = [&](ComparedSetting::Section section, const QList<QMap<QString, QString>> &sides) {
        for (const SettingDifference &d : diffSettings(sides))
            out.rows << ComparedSetting{section, d};
    };
    add(ComparedSetting::Section::Run, run);
    add(ComparedSetting::Section::Config, config);
    add(ComparedSetting::Section::Param, params);
    add(ComparedSetting::Section::Metric, metrics);
    return out;
}

} // namespace trainyard
