// A run's outcome where the run database cannot take it. The launcher reserves the file when the run starts
// (RUN_FOLDER/outcome.json: OutcomeBytes of blanks, allocated and synced), so on a disk that has filled up
// since, writing the outcome over those bytes needs no new space; it is written only when the run's final
// record could not be stored, and removed once the record is. A reader that finds a run whose launcher is
// gone, still marked running, takes its status from here instead of calling it crashed.
#pragma once

#include "runstatus.h"

#include <QString>
#include <optional>

namespace trainyard {

struct RunOutcome {
    RunStatus status = RunStatus::Finished; // the ranks' outcome
    int exitCode = 0;
    int failedRank = -1;
    qint64 endedMs = 0;
    qint64 pointsUnstored = 0; // points the launcher held and could not store
    QString error;             // why the database could not take them
};

class RunOutcomeFile {
public:
    static constexpr int OutcomeBytes = 4096;
    static QString pathIn(const QString &runDir);
    // Creates and allocates the file (0600); false with the reason.
    bool reserve(const QString &runDir, QString *error);
    // Writes the outcome over the reserved bytes and syncs it; false with the reason.
    bool write(const RunOutcome &outcome, QString *error);
    // Removes the reservation (the record was stored).
    void release();
    static std::optional<RunOutcome> read(const QString &runDir);

private:
    QString m_path;
};

} // namespace trainyard
