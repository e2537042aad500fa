// A run's stored data written out as `trainyard runs export` writes it: the one exporter of the CLI and the
// studio's Export Points.
#pragma once

#include "store.h"

#include <QStringView>
#include <QTextStream>
#include <optional>

namespace trainyard {

enum class ExportFormat { Csv, Jsonl };

// "csv" or "jsonl"; nullopt for anything else.
std::optional<ExportFormat> exportFormatFromName(QStringView name);

// Csv: writePointsCsv (the header only when `first`). Jsonl: a "run" line (name, created_ms, status, config),
// a "params" line when the run has any, then a "point" line per point (rank, key, step, value, wall_ms; a
// value that is not finite as the text "nan", "inf" or "-inf") — what `trainyard runs import` reads back. A
// read that stops at damage leaves reader.error() set: the caller says so instead of calling the file
// complete.
void writeRun(StoreReader &reader, const RunRow &run, ExportFormat format, QTextStream &out,
              bool first = true);

} // namespace trainyard
