// Two or more runs side by side: what differs in how they were launched (command, folder, host), in their
// configs as accelerate sees them, in the parameters they logged, and in their final metric values.
#pragma once

#include "config/configdiff.h"
#include "store.h"

namespace trainyard {

struct ComparedSetting {
    enum class Section { Run, Config, Param, Metric };
    Section section = Section::Run;
    SettingDifference difference;
};

struct RunComparison {
    QList<RunRow> runs; // in the order asked
    QList<ComparedSetting> rows;
    QString error; // a run that is not in the database
};

RunComparison compareRuns(StoreReader &reader, const QList<qint64> &runIds);

// "run", "config", "param", "metric": the section's name in CSV and JSON.
QString sectionName(ComparedSetting::Section section);

} // namespace trainyard
