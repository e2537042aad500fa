// The config wizard (a QWizard of two pages): accelerate's questionnaire (engine/config/questionnaire), one
// question at a time, with a choice list for menus and yes/no questions and a field for the rest, checked
// against the GPUs Trainyard detects; then the config it made, where to save it (accelerate's default config
// unless the user picks another file) and an atomic save. The questionnaire runs on a thread of its own and
// waits for each answer; the dialog never blocks.
#pragma once

#include "config/questionnaire.h"
#include "config/value.h"
#include "system/hardware.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>
#include <QWizard>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace trainyard {

class ConfigWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { QuestionsPage, SavePage };
    explicit ConfigWizard(QWidget *parent = nullptr);
    ~ConfigWizard() override;

    void start(const HardwareInfo &hw);
    // Answers the current question as typed (a menu's index, yes/no, a number, text; empty: the default).
    void submit(const QString &answer);
    QString currentQuestion() const;
    const Value &result() const { return m_result; }
    // Where the last page saves (default: accelerate's default config).
    void setSavePath(const QString &path);
    QString savePath() const;

    // On the questions page, Next answers the question shown; on the last page, Finish saves.
    bool validateCurrentPage() override;
    // Back to the question answered last (the Previous Question button; Back on the save page): the
    // questionnaire is asked again from the start with the earlier answers given for the user, and that
    // question shows with its answer chosen. False when nothing was answered yet.
    bool previousQuestion();
    // How many questions are answered now.
    int answeredCount() const { return int(m_answers.size()); }

Q_SIGNALS:
    void questionAsked(const QString &question);
    void completed(const trainyard::Value &config); // the questionnaire's config, canonical
    void saved(const QString &path);                // written atomically; the wizard closes
    void stopped(const QString &reason);

protected:
    void reject() override;

private:
    class Bridge;
    class QuestionPage;
    void showQuestion(const Question &q);
    void answerShown();
    void finishWith(const QuestionnaireResult &r);
    bool save();

    QuestionPage *m_questionPage;
    QLabel *m_question;
    QComboBox *m_choices;
    QLineEdit *m_field;
    QPlainTextEdit *m_transcript;
    QLineEdit *m_path;
    QPlainTextEdit *m_preview;
    QLabel *m_saveError;
    void stopQuestionnaire(); // ends the questionnaire's thread (its answers: empty), and waits
    void updateButtons();
    HardwareInfo m_hardware;
    int m_generation = 0;  // the questionnaire run whose questions are shown (earlier runs' are ignored)
    QStringList m_answers; // the answers given in this run, in order
    QStringList m_replay;  // answers still to give for the user (after Previous Question)
    std::optional<QString> m_preselect; // the answer to show chosen on the next question
    Question m_current;
    bool m_asking = false;   // a question is shown and not answered yet
    bool m_finished = false; // the questionnaire is done
    Value m_result;
    QThread m_thread;
    QMutex m_mutex;
    QWaitCondition m_answered;
    std::optional<QString> m_answer; // guarded by m_mutex; nullopt while waiting
    bool m_cancelled = false;        // guarded by m_mutex
};

} // namespace trainyard
