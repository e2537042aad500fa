#include "exports.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
QJsonValue jsonNumber(double v) {
    if (std::isfinite(v))
        return QJsonValue(v);
    return std::isnan(v) ? u"nan"_s : QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString compact(const QJsonObject &o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
} // namespace

std::optional<ExportFormat> exportFormatFromName(QStringView name) {
    if (name == u"csv")
        return ExportFormat::Csv;
    if (name == u"jsonl")
        return ExportFormat::Jsonl;
    return std::nullopt;
}

void writeRun(StoreReader &reader, const RunRow &run, ExportFormat format, QTextStream &out, bool first) {
    if (format == ExportFormat::Csv) {
        writePointsCsv(reader, run, out, first);
        return;
    }
    QJsonObject head{{u"type"_s, u"run"_s},
                     {u"name"_s, run.name},
                     {u"created_ms"_s, run.createdMs},
                     {u"status"_s, runStatusName(run.status)}};
    if (!run.config.isEmpty())
        head[u"config"_s] = run.config;
    out << compact(head) << '\n';
    QJsonObject params;
    const QMap<QString, QString> stored = reader.params(run.id);
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        params[it.key()] = it.value();
    if (!params.isEmpty())
        out << compact(QJsonObject{{u"type"_s, u"params"_s}, {u"params"_s, params}}) << '\n';
    for (const SeriesRow &s : reader.series(run.id))
        for (const PointRow &p :
             reader.points(s.id, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()))
            out << compact(QJsonObject{{u"type"_s, u"point"_s},
                                       {u"rank"_s, s.rank},
                                       {u"key"_s, s.key},
                                       {u"step"_s, p.step},
                                       {u"value"_s, jsonNumber(p.value)},
                                       {u"wall_ms"_s, p.wallMs}})
                << '\n';
}

} // namespace trainyard
