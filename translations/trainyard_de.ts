<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../widgets/filedialogs.cpp" line="+17"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 File</source>
        <translation>%1-Datei</translation>
    </message>
</context>
<context>
    <name>trainyard::AgentText</name>
    <message>
        <location filename="../engine/remote/nodeagent.cpp" line="+75"/>
        <source>trainyard agent: no word from the launcher for %1 s; stopping every rank</source>
        <translation>trainyard agent: seit %1 s keine Nachricht vom Launcher; alle Ränge werden angehalten</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>a plan is already running</source>
        <translation>ein Plan läuft bereits</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>the working directory %1 does not exist</source>
        <translation>das Arbeitsverzeichnis %1 existiert nicht</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 does not exist or is not executable</source>
        <translation>%1 existiert nicht oder ist nicht ausführbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not on PATH (%2)</source>
        <translation>%1 ist nicht im PATH (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard %1 here speaks agent protocol %2, the launcher %3</source>
        <translation>trainyard %1 spricht hier Agent-Protokoll %2, der Launcher %3</translation>
    </message>
</context>
<context>
    <name>trainyard::AtomicText</name>
    <message>
        <location filename="../engine/system/atomicfile.cpp" line="+39"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>only a new whole file can be written</source>
        <translation>nur eine neue, vollständige Datei kann geschrieben werden</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>the file was not opened</source>
        <translation>die Datei wurde nicht geöffnet</translation>
    </message>
</context>
<context>
    <name>trainyard::ClusterController</name>
    <message>
        <location filename="../engine/remote/clustercontroller.cpp" line="+454"/>
        <source>could not write the run record: %1</source>
        <translation>der Lauf-Eintrag konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>trainyard::ClusterText</name>
    <message numerus="yes">
        <location line="-333"/>
        <source>checking %n machine(s): %1</source>
        <translation>
            <numerusform>%n Rechner wird geprüft: %1</numerusform>
            <numerusform>%n Rechner werden geprüft: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>rank %1 on %2 printed and logged nothing for %3 s</source>
        <translation>Rang %1 auf %2 hat seit %3 s nichts ausgegeben und nichts geloggt</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>nothing was started: %1</source>
        <translation>nichts wurde gestartet: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <source>starting %n rank(s) on %1; rendezvous at %2:%3</source>
        <translation>
            <numerusform>%n Rang wird auf %1 gestartet; Rendezvous bei %2:%3</numerusform>
            <numerusform>%n Ränge werden auf %1 gestartet; Rendezvous bei %2:%3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+64"/>
        <source>rank %1 on %2: %3</source>
        <translation>Rang %1 auf %2: %3</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>%1: its ranks ended with %2 (exit code %3)</source>
        <translation>%1: seine Ränge endeten mit %2 (Exit-Code %3)</translation>
    </message>
</context>
<context>
    <name>trainyard::CompareText</name>
    <message>
        <location filename="../launch/runcompare.cpp" line="+37"/>
        <source>no run %1 in the database</source>
        <translation>kein Lauf %1 in der Datenbank</translation>
    </message>
</context>
<context>
    <name>trainyard::ConfigDocument</name>
    <message>
        <location filename="../widgets/configdocument.cpp" line="+29"/>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
</context>
<context>
    <name>trainyard::ConfigForm</name>
    <message>
        <location filename="../widgets/configform.cpp" line="+28"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FSDP</source>
        <translation>FSDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DeepSpeed</source>
        <translation>DeepSpeed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Megatron-LM</source>
        <translation>Megatron-LM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parallelism</source>
        <translation>Parallelisierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>torch.compile (dynamo)</source>
        <translation>torch.compile (dynamo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FP8</source>
        <translation>FP8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MPI</source>
        <translation>MPI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TPU</source>
        <translation>TPU</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Search fields by key or description</source>
        <translation>Felder nach Schlüssel oder Beschreibung suchen</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+10"/>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default: %1</source>
        <translation>Vorgabe: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Other keys (kept as written)</source>
        <translation>Weitere Schlüssel (unverändert erhalten)</translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%1 (%n matching field(s))</source>
        <translation>
            <numerusform>%1 (%n passendes Feld)</numerusform>
            <numerusform>%1 (%n passende Felder)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1: %n field(s), not used with %2</source>
        <translation>
            <numerusform>%1: %n Feld, bei %2 nicht verwendet</numerusform>
            <numerusform>%1: %n Felder, bei %2 nicht verwendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1: %n field(s)</source>
        <translation>
            <numerusform>%1: %n Feld</numerusform>
            <numerusform>%1: %n Felder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n set</source>
        <translation>
            <numerusform>%n gesetzt</numerusform>
            <numerusform>%n gesetzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <location line="+87"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>trainyard::ConfigMessages</name>
    <message>
        <location filename="../engine/config/accelerateconfig.cpp" line="+38"/>
        <source>no such file</source>
        <translation>keine solche Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is a folder, not a config file</source>
        <translation>ist ein Ordner, keine Konfigurationsdatei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file is %1 bytes, larger than the %2 bytes a config may have</source>
        <translation>die Datei hat %1 Bytes, mehr als die %2 Bytes, die eine Konfiguration haben darf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a config must be a mapping of keys to values, not a %1</source>
        <translation>eine Konfiguration muss eine Zuordnung von Schlüsseln zu Werten sein, kein %1</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>%1 must be a mapping of keys to values, not a %2</source>
        <translation>%1 muss eine Zuordnung von Schlüsseln zu Werten sein, kein %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 must be true or false, not %2 &apos;%3&apos;</source>
        <translation>%1 muss true oder false sein, nicht %2 &apos;%3&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is %2; it must be between %3 and %4</source>
        <translation>%1 ist %2; der Wert muss zwischen %3 und %4 liegen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: &apos;%2&apos; is a string, not a number: YAML 1.1 reads a number with an exponent only with a dot and a signed exponent; write it out in digits</source>
        <translation>%1: &apos;%2&apos; ist ein String, keine Zahl: YAML 1.1 liest eine Zahl mit Exponent nur mit Punkt und vorzeichenbehaftetem Exponenten; schreiben Sie sie in Ziffern aus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 must be an integer, not %2 &apos;%3&apos;</source>
        <translation>%1 muss eine ganze Zahl sein, nicht %2 &apos;%3&apos;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 must be a number, not %2 &apos;%3&apos;</source>
        <translation>%1 muss eine Zahl sein, nicht %2 &apos;%3&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>gpu_ids: %1 is read as the integer %1, and accelerate launch crashes on it; quote it: gpu_ids: &apos;%1&apos;</source>
        <translation>gpu_ids: %1 wird als die ganze Zahl %1 gelesen, und accelerate launch stürzt daran ab; setzen Sie den Wert in Anführungszeichen: gpu_ids: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 should be a string; quote it: &apos;%2&apos;</source>
        <translation>%1 sollte ein String sein; setzen Sie den Wert in Anführungszeichen: &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 must be a string, not %2</source>
        <translation>%1 muss ein String sein, nicht %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 must be a list of strings, not %2</source>
        <translation>%1 muss eine Liste von Strings sein, nicht %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 must be true, false or one of %2, not &apos;%3&apos;</source>
        <translation>%1 muss true, false oder eines von %2 sein, nicht &apos;%3&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>distributed_type: NO unquoted is the boolean false in YAML 1.1; accelerate runs it as a single process by accident; write distributed_type: &apos;NO&apos;</source>
        <translation>distributed_type: NO ohne Anführungszeichen ist in YAML 1.1 der boolesche Wert false; accelerate führt es versehentlich als einzelnen Prozess aus; schreiben Sie distributed_type: &apos;NO&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: unquoted %2 is the boolean %3 in YAML 1.1, not a string; write %1: &apos;%2&apos;</source>
        <translation>%1: %2 ohne Anführungszeichen ist in YAML 1.1 der boolesche Wert %3, kein String; schreiben Sie %1: &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: &apos;%2&apos; is not one of %3</source>
        <translation>%1: &apos;%2&apos; ist keiner der Werte %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; did you mean %1?</source>
        <translation>; meinten Sie %1?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is a legacy key that accelerate migrates on load (to %2); `trainyard config update` rewrites the file in the current form</source>
        <translation>%1 ist ein veralteter Schlüssel, den accelerate beim Laden migriert (zu %2); `trainyard config update` schreibt die Datei in der aktuellen Form neu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown key &apos;%1&apos;: accelerate refuses files with keys it does not know</source>
        <translation>unbekannter Schlüssel &apos;%1&apos;: accelerate lehnt Dateien mit Schlüsseln ab, die es nicht kennt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; ipex_config was removed from accelerate, delete it</source>
        <translation>; ipex_config wurde aus accelerate entfernt, löschen Sie es</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+67"/>
        <source>; did you mean &apos;%1&apos;?</source>
        <translation>; meinten Sie &apos;%1&apos;?</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>distributed_type is missing; accelerate requires it (NO, MULTI_GPU, MULTI_CPU, FSDP, DEEPSPEED, ...)</source>
        <translation>distributed_type fehlt; accelerate verlangt es (NO, MULTI_GPU, MULTI_CPU, FSDP, DEEPSPEED, ...)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is required for a SageMaker config</source>
        <translation>%1 ist für eine SageMaker-Konfiguration erforderlich</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>num_machines is %1 and main_process_ip is not set: give it when launching (--main_process_ip), or launch with --slurm, --hostfile or --hosts, which find machine 0 themselves</source>
        <translation>num_machines ist %1 und main_process_ip ist nicht gesetzt: geben Sie die Adresse beim Start an (--main_process_ip) oder starten Sie mit --slurm, --hostfile oder --hosts, die Rechner 0 selbst finden</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>%1: unknown key; accelerate does not check keys inside %2 and nothing reads this one</source>
        <translation>%1: unbekannter Schlüssel; accelerate prüft Schlüssel innerhalb von %2 nicht, und nichts liest diesen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>num_machines must be at least 1</source>
        <translation>num_machines muss mindestens 1 sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>num_processes is -1: the launch needs --num_processes</source>
        <translation>num_processes ist -1: der Start braucht --num_processes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>num_processes must be at least 1</source>
        <translation>num_processes muss mindestens 1 sein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>num_processes (%1) is the total over all machines and must be divisible by num_machines (%2)</source>
        <translation>num_processes (%1) ist die Gesamtzahl über alle Rechner und muss durch num_machines (%2) teilbar sein</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>num_processes is not set: the launch needs --num_processes</source>
        <translation>num_processes ist nicht gesetzt: der Start braucht --num_processes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>machine_rank (%1) must be between 0 and num_machines - 1 (%2)</source>
        <translation>machine_rank (%1) muss zwischen 0 und num_machines - 1 (%2) liegen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 with a single process: use distributed_type &apos;NO&apos; for one device</source>
        <translation>%1 mit einem einzigen Prozess: verwenden Sie distributed_type &apos;NO&apos; für ein Gerät</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>accelerate launch ignores rdzv_backend from the file (only --rdzv_backend counts); Trainyard starts every rank itself with a static rendezvous at main_process_ip</source>
        <translation>accelerate launch ignoriert rdzv_backend aus der Datei (nur --rdzv_backend zählt); Trainyard startet jeden Rang selbst mit einem statischen Rendezvous bei main_process_ip</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>accelerate launch ignores same_network from the file (only --same_network counts); Trainyard always gives every rank MASTER_ADDR=main_process_ip</source>
        <translation>accelerate launch ignoriert same_network aus der Datei (nur --same_network zählt); Trainyard gibt jedem Rang immer MASTER_ADDR=main_process_ip</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>accelerate launch ignores downcast_bf16 from the file; it only matters on TPUs</source>
        <translation>accelerate launch ignoriert downcast_bf16 aus der Datei; es ist nur auf TPUs von Bedeutung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trainyard does not launch TPU (XLA) runs; accelerate launch can run this config</source>
        <translation>Trainyard startet keine TPU-Läufe (XLA); accelerate launch kann diese Konfiguration ausführen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trainyard starts multi-CPU ranks itself, without mpirun; the hostfile is kept for accelerate launch</source>
        <translation>Trainyard startet Multi-CPU-Ränge selbst, ohne mpirun; die Hostdatei bleibt für accelerate launch erhalten</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>gpu_ids: &apos;%1&apos; is not a GPU index; write &apos;all&apos; or indices such as &apos;0,1&apos;</source>
        <translation>gpu_ids: &apos;%1&apos; ist kein GPU-Index; schreiben Sie &apos;all&apos; oder Indizes wie &apos;0,1&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>gpu_ids names fewer than two GPUs for a multi-GPU run; accelerate launch refuses it</source>
        <translation>gpu_ids nennt weniger als zwei GPUs für einen Multi-GPU-Lauf; accelerate launch lehnt das ab</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>gpu_ids names GPU %1, but this machine has no GPU</source>
        <translation>gpu_ids nennt GPU %1, aber dieser Rechner hat keine GPU</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>gpu_ids names GPU %1, but this machine has %n GPU(s)</source>
        <translation>
            <numerusform>gpu_ids nennt GPU %1, aber dieser Rechner hat %n GPU</numerusform>
            <numerusform>gpu_ids nennt GPU %1, aber dieser Rechner hat %n GPUs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>gpu_ids names %1 GPU(s) for %2 processes per machine</source>
        <translation>gpu_ids nennt %1 GPU(s) für %2 Prozesse pro Rechner</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>fsdp_config is used only when distributed_type is FSDP</source>
        <translation>fsdp_config wird nur verwendet, wenn distributed_type FSDP ist</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>left out, which accelerate launch reads as true</source>
        <translation>weggelassen, was accelerate launch als true liest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fsdp_sync_module_states is false while fsdp_cpu_ram_efficient_loading is on (%1): accelerate launch refuses this (&quot;When using `--fsdp_cpu_ram_efficient_loading` set `--fsdp_sync_module_states` to `True`&quot;); set fsdp_sync_module_states: true</source>
        <translation>fsdp_sync_module_states ist false, während fsdp_cpu_ram_efficient_loading eingeschaltet ist (%1): accelerate launch lehnt dies ab (&quot;When using `--fsdp_cpu_ram_efficient_loading` set `--fsdp_sync_module_states` to `True`&quot;); setzen Sie fsdp_sync_module_states: true</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>under FSDP2 fsdp_reshard_after_forward is true or false, not a sharding strategy</source>
        <translation>unter FSDP2 ist fsdp_reshard_after_forward true oder false, keine Sharding-Strategie</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>FSDP2 supports SHARDED_STATE_DICT and FULL_STATE_DICT, not LOCAL_STATE_DICT</source>
        <translation>FSDP2 unterstützt SHARDED_STATE_DICT und FULL_STATE_DICT, nicht LOCAL_STATE_DICT</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FSDP2 ignores fsdp_backward_prefetch</source>
        <translation>FSDP2 ignoriert fsdp_backward_prefetch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FSDP2 ignores fsdp_sharding_strategy; use fsdp_reshard_after_forward</source>
        <translation>FSDP2 ignoriert fsdp_sharding_strategy; verwenden Sie fsdp_reshard_after_forward</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>TRANSFORMER_BASED_WRAP without fsdp_transformer_layer_cls_to_wrap relies on the model&apos;s _no_split_modules</source>
        <translation>TRANSFORMER_BASED_WRAP ohne fsdp_transformer_layer_cls_to_wrap verlässt sich auf die _no_split_modules des Modells</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>deepspeed_config is used only when distributed_type is DEEPSPEED</source>
        <translation>deepspeed_config wird nur verwendet, wenn distributed_type DEEPSPEED ist</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>deepspeed_config.%1 cannot be combined with deepspeed_config_file: set it in the DeepSpeed JSON file instead (accelerate refuses this at run time)</source>
        <translation>deepspeed_config.%1 kann nicht mit deepspeed_config_file kombiniert werden: setzen Sie den Wert stattdessen in der DeepSpeed-JSON-Datei (accelerate lehnt dies zur Laufzeit ab)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>mixed_precision cannot be combined with deepspeed_config_file: set fp16/bf16 in the DeepSpeed JSON file and remove mixed_precision (accelerate refuses this at run time)</source>
        <translation>mixed_precision kann nicht mit deepspeed_config_file kombiniert werden: setzen Sie fp16/bf16 in der DeepSpeed-JSON-Datei und entfernen Sie mixed_precision (accelerate lehnt dies zur Laufzeit ab)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>parameter offload needs ZeRO stage 3</source>
        <translation>das Auslagern von Parametern braucht ZeRO-Stufe 3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>optimizer offload needs ZeRO stage 2 or 3</source>
        <translation>das Auslagern des Optimierers braucht ZeRO-Stufe 2 oder 3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trainyard starts the ranks of every machine itself, as DeepSpeed&apos;s &apos;standard&apos; launcher does; the pdsh/MPI launcher setting is kept for accelerate launch</source>
        <translation>Trainyard startet die Ränge jedes Rechners selbst, wie es der &apos;standard&apos;-Launcher von DeepSpeed tut; die Einstellung für den pdsh/MPI-Launcher bleibt für accelerate launch erhalten</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the parallelism sizes multiply to %1 but num_processes is %2; they must be equal</source>
        <translation>das Produkt der Parallelisierungsgrößen ist %1, aber num_processes ist %2; beide müssen gleich sein</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Trainyard keeps SageMaker configs but does not launch them; use accelerate launch</source>
        <translation>Trainyard behält SageMaker-Konfigurationen, startet sie aber nicht; verwenden Sie accelerate launch</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot create folder %1</source>
        <translation>Ordner %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>trainyard::ConfigView</name>
    <message>
        <location filename="../widgets/configview.cpp" line="+36"/>
        <source>The canonical form of the config appears here.</source>
        <translation>Hier erscheint die kanonische Form der Konfiguration.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click a problem to go to its field</source>
        <translation>Doppelklick auf ein Problem springt zu seinem Feld</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>no problems</source>
        <translation>keine Probleme</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+3"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <location line="+1"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>trainyard::ConfigWizard</name>
    <message>
        <location filename="../widgets/configwizard.cpp" line="+80"/>
        <source>New accelerate config</source>
        <translation>Neue accelerate-Konfiguration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accelerate&apos;s questions</source>
        <translation>Die Fragen von accelerate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The questions `accelerate config` asks, checked against this machine.</source>
        <translation>Die Fragen von `accelerate config`, geprüft an dieser Maschine.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your answers appear here.</source>
        <translation>Ihre Antworten erscheinen hier.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the config</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accelerate reads the default config when no --config_file is given.</source>
        <translation>accelerate liest die Standardkonfiguration, wenn kein --config_file angegeben ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save accelerate config</source>
        <translation>accelerate-Konfiguration speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>YAML (*.yaml *.yml);;JSON (*.json)</source>
        <translation>YAML (*.yaml *.yml);;JSON (*.json)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save &amp;to:</source>
        <translation>Speichern &amp;unter:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous Question</source>
        <translation>&amp;Vorherige Frage</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Choose a file to save the config to.</source>
        <translation>Wählen Sie eine Datei für die Konfiguration.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace config</source>
        <translation>Konfiguration ersetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existiert. Ersetzen?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cannot create its folder</source>
        <translation>sein Ordner kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>trainyard::CopyText</name>
    <message>
        <location filename="../trackers/dbcopy.cpp" line="+201"/>
        <source>%1: no such file</source>
        <translation>%1: keine solche Datei</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+131"/>
        <source>%1: reading %2: %3</source>
        <translation>%1: beim Lesen von %2: %3</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1.%2: not a number: %3</source>
        <translation>%1.%2: keine Zahl: %3</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+76"/>
        <location line="+30"/>
        <source>%1: writing %2: %3</source>
        <translation>%1: beim Schreiben von %2: %3</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>FROM and TO are the same database</source>
        <translation>FROM und TO sind dieselbe Datenbank</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
</context>
<context>
    <name>trainyard::DiagnosticsModel</name>
    <message>
        <location filename="../widgets/diagnosticsmodel.cpp" line="+29"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>trainyard::ExecutorText</name>
    <message>
        <location filename="../launch/executors.cpp" line="+46"/>
        <source>--ssh: no command given</source>
        <translation>--ssh: kein Befehl angegeben</translation>
    </message>
</context>
<context>
    <name>trainyard::FilterText</name>
    <message>
        <location filename="../trackers/runfilter.cpp" line="+73"/>
        <source>the quote %1 is not closed</source>
        <translation>das Anführungszeichen %1 wird nicht geschlossen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&apos;%1&apos; needs a key before %2, e.g. epochs%2%3</source>
        <translation>&apos;%1&apos; braucht einen Schlüssel vor %2, z. B. epochs%2%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; needs a value after %2 (write &quot;&quot; for an empty one)</source>
        <translation>&apos;%1&apos; braucht einen Wert nach %2 (für einen leeren &quot;&quot; schreiben)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>a run has no attribute &apos;%1&apos;; it has status, name, id and host</source>
        <translation>ein Lauf hat kein Attribut &apos;%1&apos;; er hat status, name, id und host</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 compares numbers; &apos;%2&apos; is not a number</source>
        <translation>%1 vergleicht Zahlen; &apos;%2&apos; ist keine Zahl</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>status takes = (or :) and !=, e.g. status:failed</source>
        <translation>status nimmt = (oder :) und !=, z. B. status:failed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no status &apos;%1&apos;; a run is %2</source>
        <translation>kein Status &apos;%1&apos;; ein Lauf ist %2</translation>
    </message>
</context>
<context>
    <name>trainyard::FlagHelp</name>
    <message>
        <location filename="../engine/launch/launchargs.cpp" line="+377"/>
        <source>the accelerate config to launch with (default: accelerate&apos;s default config, when it exists)</source>
        <translation>die accelerate-Konfiguration für den Start (Vorgabe: die Standardkonfiguration von accelerate, falls vorhanden)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accepted for accelerate&apos;s sake; Trainyard&apos;s launcher prints little anyway</source>
        <translation>wird accelerate zuliebe akzeptiert; der Launcher von Trainyard gibt ohnehin wenig aus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run the script as a Python module (python -m MODULE)</source>
        <translation>das Skript als Python-Modul ausführen (python -m MODULE)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run the program directly, without Python (a C++ LibTorch program, a shell script)</source>
        <translation>das Programm direkt ausführen, ohne Python (ein C++-LibTorch-Programm, ein Shell-Skript)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set ACCELERATE_DEBUG_MODE in every rank (extra checks in accelerate)</source>
        <translation>ACCELERATE_DEBUG_MODE in jedem Rang setzen (zusätzliche Prüfungen in accelerate)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>train on the CPU, even where GPUs are present</source>
        <translation>auf der CPU trainieren, auch wenn GPUs vorhanden sind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>distributed data parallel over GPUs</source>
        <translation>verteilte Datenparallelität über GPUs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train on TPUs</source>
        <translation>auf TPUs trainieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train with DeepSpeed</source>
        <translation>mit DeepSpeed trainieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train with PyTorch FSDP</source>
        <translation>mit PyTorch FSDP trainieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>combine data, tensor, context and sequence parallelism (the parallelism_config_* flags; with FSDP 2)</source>
        <translation>Daten-, Tensor-, Kontext- und Sequenzparallelität kombinieren (die Optionen parallelism_config_*; mit FSDP 2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>train with Megatron-LM</source>
        <translation>mit Megatron-LM trainieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>torchrun&apos;s --tee (0 none, 1 stdout, 2 stderr, 3 both); Trainyard always keeps every rank&apos;s output in the run folder</source>
        <translation>--tee von torchrun (0 keine, 1 stdout, 2 stderr, 3 beide); Trainyard behält die Ausgabe jedes Rangs immer im Lauf-Ordner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>torchrun&apos;s log folder, for accelerate&apos;s sake</source>
        <translation>der Log-Ordner von torchrun, accelerate zuliebe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the workers&apos; role name (ROLE_NAME)</source>
        <translation>der Rollenname der Worker (ROLE_NAME)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extra rendezvous settings, KEY=VALUE,... (torchrun&apos;s --rdzv_conf)</source>
        <translation>zusätzliche Rendezvous-Einstellungen, KEY=VALUE,... (--rdzv_conf von torchrun)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>restart every rank this many times after a failure (TORCHELASTIC_RESTART_COUNT counts them)</source>
        <translation>jeden Rang nach einem Fehler so oft neu starten (TORCHELASTIC_RESTART_COUNT zählt die Neustarts)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seconds between checks of the ranks (torchrun&apos;s setting)</source>
        <translation>Sekunden zwischen den Prüfungen der Ränge (Einstellung von torchrun)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a TPU VM to run on (repeatable)</source>
        <translation>eine TPU-VM, auf der ausgeführt wird (wiederholbar)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set NAME=VALUE in every rank&apos;s environment, on every machine (repeatable; accelerate uses it for TPU VMs only)</source>
        <translation>NAME=VALUE in der Umgebung jedes Rangs setzen, auf jedem Rechner (wiederholbar; accelerate verwendet dies nur für TPU-VMs)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the AWS access key id for a SageMaker launch</source>
        <translation>die AWS-Access-Key-ID für einen SageMaker-Start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the AWS secret access key for a SageMaker launch</source>
        <translation>der geheime AWS-Access-Key für einen SageMaker-Start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accelerate&apos;s MPI hostfile for multi-CPU runs; Trainyard starts a machine&apos;s CPU ranks itself</source>
        <translation>die MPI-Hostdatei von accelerate für Multi-CPU-Läufe; Trainyard startet die CPU-Ränge eines Rechners selbst</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OMP_NUM_THREADS for each rank (default: the physical cores divided among this machine&apos;s ranks, on CPU runs)</source>
        <translation>OMP_NUM_THREADS für jeden Rang (Vorgabe: die physischen Kerne, aufgeteilt auf die Ränge dieses Rechners, bei CPU-Läufen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>torch.compile&apos;s mode: default, reduce-overhead or max-autotune</source>
        <translation>der Modus von torch.compile: default, reduce-overhead oder max-autotune</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>torch.compile with fullgraph=True: fail on graph breaks instead of splitting</source>
        <translation>torch.compile mit fullgraph=True: bei Graph-Breaks fehlschlagen statt aufzuteilen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>torch.compile with dynamic shapes</source>
        <translation>torch.compile mit dynamischen Shapes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compile repeated blocks once and reuse them (shorter compile times)</source>
        <translation>wiederholte Blöcke einmal kompilieren und wiederverwenden (kürzere Kompilierzeiten)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DeepSpeed&apos;s multi-node launcher: the hosts or GPUs to leave out</source>
        <translation>Multi-Node-Launcher von DeepSpeed: die auszulassenden Hosts oder GPUs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DeepSpeed&apos;s multi-node launcher: the only hosts or GPUs to use</source>
        <translation>Multi-Node-Launcher von DeepSpeed: die einzigen zu verwendenden Hosts oder GPUs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: clip gradients to this global norm</source>
        <translation>Megatron-LM: Gradienten auf diese globale Norm begrenzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: use its own FSDP (any text but an empty one means yes)</source>
        <translation>Megatron-LM: sein eigenes FSDP verwenden (jeder nicht leere Text bedeutet ja)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: do not load the optimizer state from a checkpoint (any text but an empty one means yes)</source>
        <translation>Megatron-LM: den Optimiererzustand nicht aus einem Checkpoint laden (jeder nicht leere Text bedeutet ja)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: mask the loss at end-of-document tokens (any text but an empty one means yes)</source>
        <translation>Megatron-LM: den Loss an Dokumentende-Tokens maskieren (jeder nicht leere Text bedeutet ja)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Megatron-LM: overlap the CPU optimizer&apos;s copies to and from the GPU (any text but an empty one means yes)</source>
        <translation>Megatron-LM: die Kopien des CPU-Optimierers zur und von der GPU überlappen (jeder nicht leere Text bedeutet ja)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: do not save the optimizer state (any text but an empty one means yes)</source>
        <translation>Megatron-LM: den Optimiererzustand nicht speichern (jeder nicht leere Text bedeutet ja)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Megatron-LM: keep the optimizer on the CPU (any text but an empty one means yes)</source>
        <translation>Megatron-LM: den Optimierer auf der CPU halten (jeder nicht leere Text bedeutet ja)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Megatron-LM: the precision-aware optimizer (any text but an empty one means yes)</source>
        <translation>Megatron-LM: der präzisionsbewusste Optimierer (jeder nicht leere Text bedeutet ja)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Megatron-LM: micro-batches per pipeline step</source>
        <translation>Megatron-LM: Micro-Batches pro Pipeline-Schritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: sequence parallelism with tensor parallelism (true or false)</source>
        <translation>Megatron-LM: Sequenzparallelität mit Tensorparallelität (true oder false)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: recompute activations in backward (true or false)</source>
        <translation>Megatron-LM: Aktivierungen im Backward neu berechnen (true oder false)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: shard the optimizer state over data-parallel ranks (true or false)</source>
        <translation>Megatron-LM: den Optimiererzustand über die datenparallelen Ränge sharden (true oder false)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Megatron-LM: decoder layers on the last pipeline stage</source>
        <translation>Megatron-LM: Decoder-Schichten auf der letzten Pipeline-Stufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: what to recompute (full or selective)</source>
        <translation>Megatron-LM: was neu berechnet wird (full oder selective)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: how layers are chosen for recomputation (uniform or block)</source>
        <translation>Megatron-LM: wie Schichten für die Neuberechnung gewählt werden (uniform oder block)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: layers per recomputation unit</source>
        <translation>Megatron-LM: Schichten pro Neuberechnungseinheit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: the attention implementation</source>
        <translation>Megatron-LM: die Attention-Implementierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: ranks that share the experts of a mixture-of-experts layer</source>
        <translation>Megatron-LM: Ränge, die sich die Experten einer Mixture-of-Experts-Schicht teilen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: ranks that split the sequence (context parallelism)</source>
        <translation>Megatron-LM: Ränge, die die Sequenz aufteilen (Kontextparallelität)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: dropout after attention</source>
        <translation>Megatron-LM: Dropout nach der Attention</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: dropout of hidden states</source>
        <translation>Megatron-LM: Dropout der Hidden States</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: attention softmax in float32 (true or false)</source>
        <translation>Megatron-LM: Attention-Softmax in float32 (true oder false)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: tensor parallelism inside each expert</source>
        <translation>Megatron-LM: Tensorparallelität innerhalb jedes Experten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: average the loss over tokens instead of samples (true or false)</source>
        <translation>Megatron-LM: den Loss über Tokens statt über Samples mitteln (true oder false)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: rotary position embeddings (true or false)</source>
        <translation>Megatron-LM: Rotary Position Embeddings (true oder false)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keep FP8 autocast on during evaluation</source>
        <translation>FP8-Autocast während der Evaluierung eingeschaltet lassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TransformerEngine: the margin for the FP8 scaling factor</source>
        <translation>TransformerEngine: die Marge für den FP8-Skalierungsfaktor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TransformerEngine: steps between updates of the scaling factors</source>
        <translation>TransformerEngine: Schritte zwischen Aktualisierungen der Skalierungsfaktoren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TransformerEngine: how many steps of amax history the scaling uses</source>
        <translation>TransformerEngine: wie viele Schritte der amax-Historie die Skalierung verwendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ranks that each hold a full replica of the model (data parallelism across replicas)</source>
        <translation>Ränge, die jeweils eine vollständige Replik des Modells halten (Datenparallelität über Repliken)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ranks that share one sharded replica (FSDP sharding)</source>
        <translation>Ränge, die sich eine geshardete Replik teilen (FSDP-Sharding)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tensor parallel degree</source>
        <translation>Grad der Tensorparallelität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>context parallel degree (the sequence split over ranks)</source>
        <translation>Grad der Kontextparallelität (die Sequenz, aufgeteilt über Ränge)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sequence parallel degree</source>
        <translation>Grad der Sequenzparallelität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the sequence length for sequence parallelism</source>
        <translation>die Sequenzlänge für Sequenzparallelität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>whether sequences vary in length under sequence parallelism</source>
        <translation>ob Sequenzen unter Sequenzparallelität unterschiedlich lang sind</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TransformerEngine: the FP8 format, HYBRID (E4M3 forward, E5M2 backward) or E4M3</source>
        <translation>TransformerEngine: das FP8-Format, HYBRID (E4M3 im Forward, E5M2 im Backward) oder E4M3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TransformerEngine: how amax is taken from its history (max or most_recent)</source>
        <translation>TransformerEngine: wie amax aus seiner Historie bestimmt wird (max oder most_recent)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TransformerEngine: higher precision for the forward, data-gradient and weight-gradient matmuls, three booleans such as False,False,False</source>
        <translation>TransformerEngine: höhere Genauigkeit für die Forward-, Datengradienten- und Gewichtsgradienten-Matmuls, drei boolesche Werte wie False,False,False</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MS-AMP: the optimization level (O1 or O2)</source>
        <translation>MS-AMP: die Optimierungsstufe (O1 oder O2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>torchao: all-gather FSDP2 parameters in float8</source>
        <translation>torchao: FSDP2-Parameter in float8 per All-Gather sammeln</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>torchao: pad inner dimensions to multiples of 16 for float8 matmuls</source>
        <translation>torchao: innere Dimensionen für float8-Matmuls auf Vielfache von 16 auffüllen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the context parallel backend</source>
        <translation>das Backend für Kontextparallelität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>how context parallel ranks exchange keys and values (allgather or alltoall)</source>
        <translation>wie kontextparallele Ränge Keys und Values austauschen (allgather oder alltoall)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sequence parallel backend</source>
        <translation>das Backend für Sequenzparallelität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the attention implementation under sequence parallelism</source>
        <translation>die Attention-Implementierung unter Sequenzparallelität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>start nothing: print a shell script that starts this machine&apos;s ranks</source>
        <translation>nichts starten: ein Shell-Skript ausgeben, das die Ränge dieses Rechners startet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with --dry-run: print every rank&apos;s argv and environment as JSON</source>
        <translation>mit --dry-run: argv und Umgebung jedes Rangs als JSON ausgeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the Python interpreter (default: python3 on PATH)</source>
        <translation>der Python-Interpreter (Vorgabe: python3 im PATH)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seconds between SIGTERM and SIGKILL when ranks are stopped (default 5)</source>
        <translation>Sekunden zwischen SIGTERM und SIGKILL beim Anhalten von Rängen (Vorgabe 5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>report a rank that prints and logs nothing for this many seconds</source>
        <translation>einen Rang melden, der so viele Sekunden lang nichts ausgibt und nichts loggt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --watchdog: stop the run when a rank goes silent</source>
        <translation>mit --watchdog: den Lauf anhalten, wenn ein Rang verstummt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>whose output reaches the terminal: every rank&apos;s, the main rank&apos;s, or none (default all; the run folder keeps everything)</source>
        <translation>wessen Ausgabe das Terminal erreicht: die jedes Rangs, die des Hauptrangs oder keine (Vorgabe all; der Lauf-Ordner behält alles)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the run database (default: $TRAINYARD_DB, else $XDG_DATA_HOME/trainyard/trainyard.db)</source>
        <translation>die Laufdatenbank (Vorgabe: $TRAINYARD_DB, sonst $XDG_DATA_HOME/trainyard/trainyard.db)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the run&apos;s name in the database (default: the script&apos;s name)</source>
        <translation>der Name des Laufs in der Datenbank (Vorgabe: der Name des Skripts)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>record nothing from what the script gives accelerate, Trainer, Lightning or SummaryWriter (TrainyardTracker and TensorBoard event files still count)</source>
        <translation>nichts von dem aufzeichnen, was das Skript an accelerate, Trainer, Lightning oder SummaryWriter gibt (TrainyardTracker und TensorBoard-Event-Dateien zählen weiterhin)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>follow the TensorBoard event files written under DIR while the run goes (default: the run&apos;s working directory)</source>
        <translation>die unter DIR geschriebenen TensorBoard-Event-Dateien verfolgen, solange der Lauf läuft (Vorgabe: das Arbeitsverzeichnis des Laufs)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>run on the machines of FILE, one per line as HOST [slots=N]; line i is machine rank i, and every machine is started from here over SSH</source>
        <translation>auf den Rechnern aus FILE ausführen, einer pro Zeile als HOST [slots=N]; Zeile i ist Rechnerrang i, und jeder Rechner wird von hier aus über SSH gestartet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run on these machines: HOST[:SLOTS],... (like --hostfile)</source>
        <translation>auf diesen Rechnern ausführen: HOST[:SLOTS],... (wie --hostfile)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --hostfile or --hosts: check every machine (reachable, authenticated, trainyard and the interpreter there) and start nothing</source>
        <translation>mit --hostfile oder --hosts: jeden Rechner prüfen (erreichbar, authentifiziert, trainyard und der Interpreter dort) und nichts starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>submit the run as a Slurm job of num_machines nodes (sbatch) and follow it; Ctrl-C cancels the job</source>
        <translation>den Lauf als Slurm-Job mit num_machines Knoten einreichen (sbatch) und verfolgen; Strg-C bricht den Job ab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --slurm: the partition</source>
        <translation>mit --slurm: die Partition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with --slurm: the time limit (Slurm&apos;s format)</source>
        <translation>mit --slurm: das Zeitlimit (im Format von Slurm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with --slurm: the account to charge</source>
        <translation>mit --slurm: das zu belastende Konto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with --slurm: one more sbatch option, e.g. --slurm-arg=--gres=gpu:4 (repeatable)</source>
        <translation>mit --slurm: eine weitere sbatch-Option, z. B. --slurm-arg=--gres=gpu:4 (wiederholbar)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>with --slurm: print the job id and return; the job records the run</source>
        <translation>mit --slurm: die Job-ID ausgeben und zurückkehren; der Job zeichnet den Lauf auf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>used by the batch script Trainyard writes: run the ranks of run ID on the nodes of this Slurm job</source>
        <translation>vom Batch-Skript verwendet, das Trainyard schreibt: die Ränge des Laufs ID auf den Knoten dieses Slurm-Jobs ausführen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>used by `trainyard runs rerun`: the new run is tagged rerun_of=ID</source>
        <translation>wird von `trainyard runs rerun` benutzt: der neue Lauf bekommt das Tag rerun_of=ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>used by `trainyard queue run`: start run ID, recorded by `trainyard queue add`</source>
        <translation>wird von `trainyard queue run` benutzt: startet den Lauf ID, den `trainyard queue add` angelegt hat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the command that connects to a machine (default: ssh; your ssh config, agent and known hosts apply)</source>
        <translation>der Befehl, der sich mit einem Rechner verbindet (Vorgabe: ssh; Ihre SSH-Konfiguration, Ihr Agent und Ihre bekannten Hosts gelten)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set NAME=VALUE in every rank&apos;s environment (repeatable)</source>
        <translation>NAME=VALUE in der Umgebung jedes Rangs setzen (wiederholbar)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hardware selection</source>
        <translation>Hardwareauswahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resource selection</source>
        <translation>Ressourcenauswahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training paradigm</source>
        <translation>Trainingsparadigma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Distributed GPUs and machines</source>
        <translation>Verteilte GPUs und Rechner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TPU</source>
        <translation>TPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DeepSpeed</source>
        <translation>DeepSpeed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FSDP</source>
        <translation>FSDP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM</source>
        <translation>Megatron-LM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FP8</source>
        <translation>FP8</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AWS (SageMaker)</source>
        <translation>AWS (SageMaker)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MPI</source>
        <translation>MPI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ParallelismConfig</source>
        <translation>ParallelismConfig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainyard&apos;s own</source>
        <translation>Trainyard-eigene</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>usage: trainyard launch [FLAGS] SCRIPT_OR_PROGRAM [ARGS...]</source>
        <translation>Aufruf: trainyard launch [FLAGS] SCRIPT_OR_PROGRAM [ARGS...]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts this machine&apos;s ranks of a training script or program with the environment accelerate launch gives them, supervises them, and records the run. Flags you type beat the config file; the file beats the flags&apos; defaults. Flags are accepted with - or _ between words. Everything after the script goes to the script.</source>
        <translation>Startet die Ränge dieses Rechners für ein Trainingsskript oder -programm mit der Umgebung, die accelerate launch ihnen gibt, überwacht sie und zeichnet den Lauf auf. Eingegebene Optionen haben Vorrang vor der Konfigurationsdatei; die Datei hat Vorrang vor den Vorgaben der Optionen. Optionen werden mit - oder _ zwischen den Wörtern akzeptiert. Alles nach dem Skript geht an das Skript.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(default: %1)</source>
        <translation>(Vorgabe: %1)</translation>
    </message>
</context>
<context>
    <name>trainyard::FlagMessages</name>
    <message>
        <location line="-560"/>
        <source>unknown launch flag %1</source>
        <translation>unbekannte Startoption %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 takes no value</source>
        <translation>%1 nimmt keinen Wert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: &apos;%2&apos; is not an integer (or too large)</source>
        <translation>%1: &apos;%2&apos; ist keine ganze Zahl (oder zu groß)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 is out of range (%3 to %4)</source>
        <translation>%1: %2 liegt außerhalb des Bereichs (%3 bis %4)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: &apos;%2&apos; is not a number</source>
        <translation>%1: &apos;%2&apos; ist keine Zahl</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 is out of range (0 to 86400 seconds)</source>
        <translation>%1: %2 liegt außerhalb des Bereichs (0 bis 86400 Sekunden)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: &apos;%2&apos; is not one of %3</source>
        <translation>%1: &apos;%2&apos; ist keiner der Werte %3</translation>
    </message>
</context>
<context>
    <name>trainyard::FollowText</name>
    <message>
        <location filename="../trackers/import/tbfollower.cpp" line="+96"/>
        <source>TensorBoard: more than %1 folders under %2; event files beyond them are not followed (--tensorboard-dir DIR narrows the search)</source>
        <translation>TensorBoard: mehr als %1 Ordner unter %2; Event-Dateien darüber hinaus werden nicht verfolgt (--tensorboard-dir DIR grenzt die Suche ein)</translation>
    </message>
</context>
<context>
    <name>trainyard::HostText</name>
    <message>
        <location filename="../engine/remote/hostfile.cpp" line="+28"/>
        <source>%1: host %2 is listed twice (one line per machine; use slots=N for several processes on it)</source>
        <translation>%1: Host %2 ist doppelt aufgeführt (eine Zeile pro Rechner; verwenden Sie slots=N für mehrere Prozesse darauf)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&apos;%1&apos; is not a host name</source>
        <translation>&apos;%1&apos; ist kein Hostname</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown field &apos;%1&apos; (a line is HOST [slots=N])</source>
        <translation>unbekanntes Feld &apos;%1&apos; (eine Zeile lautet HOST [slots=N])</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>slots must be a positive number, not &apos;%1&apos;</source>
        <translation>slots muss eine positive Zahl sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: no hosts (a line is HOST [slots=N])</source>
        <translation>%1: keine Hosts (eine Zeile lautet HOST [slots=N])</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: cannot read the hostfile: %2</source>
        <translation>%1: die Hostdatei kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--hosts: slots must be a positive number in &apos;%1&apos;</source>
        <translation>--hosts: slots muss in &apos;%1&apos; eine positive Zahl sein</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--hosts: &apos;%1&apos; is not a host name</source>
        <translation>--hosts: &apos;%1&apos; ist kein Hostname</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--hosts: no hosts given</source>
        <translation>--hosts: keine Hosts angegeben</translation>
    </message>
</context>
<context>
    <name>trainyard::ImportText</name>
    <message>
        <location filename="../launch/importer.cpp" line="+61"/>
        <source>%1:%2: error: %3; nothing was imported</source>
        <translation>%1:%2: Fehler: %3; nichts wurde importiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a JSON object (%1)</source>
        <translation>kein JSON-Objekt (%1)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a point needs a &quot;key&quot; string</source>
        <translation>ein Punkt braucht einen String &quot;key&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;step&quot; must be an integer</source>
        <translation>&quot;step&quot; muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;value&quot; must be a number</source>
        <translation>&quot;value&quot; muss eine Zahl sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown line type &quot;%1&quot;</source>
        <translation>unbekannter Zeilentyp &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: offset %2: the last record is cut off (%3 bytes); skipped</source>
        <translation>%1: Offset %2: der letzte Datensatz ist abgeschnitten (%3 Bytes); übersprungen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: no scalar in its event files; not imported</source>
        <translation>%1: kein Skalar in seinen Event-Dateien; nicht importiert</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1: %2; skipped</source>
        <translation>%1: %2; übersprungen</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>%1:%2: not &quot;TIMESTAMP VALUE STEP&quot;; line skipped</source>
        <translation>%1:%2: nicht &quot;TIMESTAMP VALUE STEP&quot;; Zeile übersprungen</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1: no such file or folder</source>
        <translation>%1: keine solche Datei und kein solcher Ordner</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: neither a TensorBoard logdir (no events.out.tfevents.* file under it) nor an MLflow store (no experiment folder with a meta.yaml)</source>
        <translation>%1: weder ein TensorBoard-Logdir (keine events.out.tfevents.*-Datei darunter) noch ein MLflow-Speicher (kein Experiment-Ordner mit einer meta.yaml)</translation>
    </message>
</context>
<context>
    <name>trainyard::LaunchPanel</name>
    <message>
        <location filename="../widgets/launchpanel.cpp" line="+55"/>
        <source>Check &amp;hosts</source>
        <translation>&amp;Hosts prüfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Launch</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to &amp;Queue</source>
        <translation>In die &amp;Warteschlange</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>train.py, a module with -m in the flags, or a program</source>
        <translation>train.py, ein Modul mit -m in den Optionen, oder ein Programm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arguments of the script</source>
        <translation>Argumente des Skripts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accelerate launch flags, e.g. --num_processes 2 --mixed_precision bf16</source>
        <translation>Optionen von accelerate launch, z. B. --num_processes 2 --mixed_precision bf16</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accelerate config (default: accelerate&apos;s default config)</source>
        <translation>accelerate-Konfiguration (Vorgabe: die Standardkonfiguration von accelerate)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The launch runs here: relative paths of the script, the config and its data resolve against this folder</source>
        <translation>Der Start läuft hier: relative Pfade des Skripts, der Konfiguration und ihrer Daten beziehen sich auf diesen Ordner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This machine</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH hosts</source>
        <translation>SSH-Hosts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slurm job</source>
        <translation>Slurm-Job</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--partition P --time 1:00:00 --account A --slurm-arg=--gres=gpu:4</source>
        <translation>--partition P --time 1:00:00 --account A --slurm-arg=--gres=gpu:4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gpu1,gpu2:4 (HOST[:PROCESSES],...) or a hostfile</source>
        <translation>gpu1,gpu2:4 (HOST[:PROZESSE],...) oder eine Hostdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ssh (your ssh config, agent and known hosts apply)</source>
        <translation>ssh (Ihre SSH-Konfiguration, Ihr Agent und Ihre bekannten Hosts gelten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reach every host and check trainyard and the interpreter there; starts nothing</source>
        <translation>Jeden Host erreichen und dort trainyard und den Interpreter prüfen; startet nichts</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <location line="+6"/>
        <location line="+7"/>
        <source>Browse...</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Hostfile (one HOST [slots=N] per line)</source>
        <translation>Hostdatei (ein HOST [slots=N] pro Zeile)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Training script or program</source>
        <translation>Trainingsskript oder Programm</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+22"/>
        <source>Working directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>accelerate config</source>
        <translation>accelerate-Konfiguration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configs (*.yaml *.yml *.json)</source>
        <translation>Konfigurationen (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Script or program</source>
        <translation>Skript oder Programm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Launch flags</source>
        <translation>Startoptionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Machines</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH command</source>
        <translation>SSH-Befehl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slurm options</source>
        <translation>Slurm-Optionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy as shell script</source>
        <translation>Als Shell-Skript &amp;kopieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no GPU</source>
        <translation>keine GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> GPU(s)</source>
        <translation> GPU(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What a run added to the queue asks for: N GPUs of the runner&apos;s pool (its ranks see CUDA_VISIBLE_DEVICES set to their ids; one rank per GPU unless --num_processes is given), or no GPU (a CPU slot)</source>
        <translation>Was ein Lauf in der Warteschlange braucht: N GPUs aus dem Vorrat des Runners (seine Ränge sehen CUDA_VISIBLE_DEVICES mit deren Nummern; ein Rang je GPU, wenn --num_processes fehlt) oder keine GPU (ein CPU-Platz)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The ranks&apos; output appears here.</source>
        <translation>Hier erscheint die Ausgabe der Ranks.</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>%1: no such file in %2</source>
        <translation>%1: keine solche Datei in %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: no such config file in %2</source>
        <translation>%1: keine solche Konfigurationsdatei in %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;run id&gt;</source>
        <translation>&lt;Lauf-ID&gt;</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+2"/>
        <source># error: %1
</source>
        <translation># Fehler: %1
</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source># ---- machine %1: %2 (%n rank(s))
</source>
        <translation>
            <numerusform># ---- Rechner %1: %2 (%n Rank)
</numerusform>
            <numerusform># ---- Rechner %1: %2 (%n Ranks)
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source># MASTER_ADDR: machine 0&apos;s address as this machine reaches it over SSH
</source>
        <translation># MASTER_ADDR: die Adresse von Rechner 0, wie dieser Rechner ihn über SSH erreicht
</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+66"/>
        <location line="+16"/>
        <location line="+75"/>
        <source>The trainyard program was not found beside the studio or on PATH.</source>
        <translation>Das Programm trainyard wurde weder neben dem Studio noch im PATH gefunden.</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Checking the hosts...</source>
        <translation>Die Hosts werden geprüft …</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Every host is ready.</source>
        <translation>Alle Hosts sind bereit.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not every host is ready: see below.</source>
        <translation>Nicht alle Hosts sind bereit: siehe unten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+90"/>
        <location line="+65"/>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+82"/>
        <source>Starting...</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Queued %1.</source>
        <translation>%1 steht in der Warteschlange.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not add the run to the queue.</source>
        <translation>Der Lauf konnte nicht in die Warteschlange gestellt werden.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Following a launch started earlier...</source>
        <translation>Ein früher gestarteter Lauf wird wieder verfolgt...</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>queued (Slurm)</source>
        <translation>in der Warteschlange (Slurm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finishing...</source>
        <translation>wird abgeschlossen...</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>the launch did not start; its output says why</source>
        <translation>der Start ist fehlgeschlagen; die Ausgabe nennt den Grund</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>failed: rank %1, exit code %2</source>
        <translation>fehlgeschlagen: Rang %1, Exit-Code %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed (%1)</source>
        <translation>fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed: the launcher ended without recording the end of the run</source>
        <translation>abgestürzt: der Launcher endete, ohne das Ende des Laufs zu speichern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stopping...</source>
        <translation>Wird angehalten...</translation>
    </message>
</context>
<context>
    <name>trainyard::LifecycleText</name>
    <message>
        <location filename="../engine/launch/lifecycle.cpp" line="+45"/>
        <source>restart %1 after %2</source>
        <translation>Neustart %1 nach %2</translation>
    </message>
</context>
<context>
    <name>trainyard::LogModel</name>
    <message>
        <location filename="../widgets/logsview.cpp" line="+72"/>
        <source>%1: no such run folder</source>
        <translation>%1: kein solcher Lauf-Ordner</translation>
    </message>
</context>
<context>
    <name>trainyard::LogsView</name>
    <message>
        <location line="+309"/>
        <source>Search the output</source>
        <translation>Ausgabe durchsuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All ranks</source>
        <translation>Alle Ränge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First &amp;error</source>
        <translation>Erster &amp;Fehler</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Rank %1</source>
        <translation>Rang %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an error was found</source>
        <translation>ein Fehler wurde gefunden</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trainyard::MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="+66"/>
        <source>&lt;p&gt;Every term must hold:&lt;/p&gt;&lt;p&gt;&lt;code&gt;epochs=30 lr&amp;gt;=1e-3 loss&amp;lt;0.5&lt;/code&gt; a parameter, else a metric (rank 0&apos;s last value), else a tag&lt;br&gt;&lt;code&gt;loss.min&amp;lt;0.3 acc.max&amp;gt;0.9&lt;/code&gt; a metric&apos;s smallest or largest value&lt;br&gt;&lt;code&gt;status:failed name~bert host=gpu1&lt;/code&gt; the run&apos;s own fields&lt;br&gt;&lt;code&gt;params.lr=0.1 metrics.loss&amp;lt;1 tags.team=vision note~ablation&lt;/code&gt;&lt;br&gt;&lt;code&gt;&quot;two words&quot; resnet&lt;/code&gt; text anywhere&lt;/p&gt;&lt;p&gt;Operators: = (or :) != &amp;lt; &amp;gt; &amp;lt;= &amp;gt;= ~ (contains). The same query works in &lt;code&gt;trainyard runs list --filter&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Jeder Term muss gelten:&lt;/p&gt;&lt;p&gt;&lt;code&gt;epochs=30 lr&amp;gt;=1e-3 loss&amp;lt;0.5&lt;/code&gt; ein Parameter, sonst eine Metrik (letzter Wert von Rang 0), sonst ein Tag&lt;br&gt;&lt;code&gt;loss.min&amp;lt;0.3 acc.max&amp;gt;0.9&lt;/code&gt; der kleinste oder größte Wert einer Metrik&lt;br&gt;&lt;code&gt;status:failed name~bert host=gpu1&lt;/code&gt; die eigenen Felder des Laufs&lt;br&gt;&lt;code&gt;params.lr=0.1 metrics.loss&amp;lt;1 tags.team=vision note~ablation&lt;/code&gt;&lt;br&gt;&lt;code&gt;&quot;zwei Wörter&quot; resnet&lt;/code&gt; Text irgendwo&lt;/p&gt;&lt;p&gt;Operatoren: = (oder :) != &amp;lt; &amp;gt; &amp;lt;= &amp;gt;= ~ (enthält). Dieselbe Abfrage funktioniert in &lt;code&gt;trainyard runs list --filter&lt;/code&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+747"/>
        <source>Trainyard Studio</source>
        <translation>Trainyard Studio</translation>
    </message>
    <message>
        <location line="-699"/>
        <source>Filter: epochs&gt;5 loss&lt;0.5 status:failed name~bert note~text ...</source>
        <translation>Filter: epochs&gt;5 loss&lt;0.5 status:failed name~bert note~text ...</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot read the filter: %1</source>
        <translation>Der Filter ist nicht lesbar: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;mpare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlay the selected runs&apos; curves and list what differs between them</source>
        <translation>Die Kurven der gewählten Läufe überlagern und ihre Unterschiede auflisten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;weeps</source>
        <translation>S&amp;weeps</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading...</source>
        <translation>Wird gelesen...</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No sweeps yet (trainyard sweep FILE)</source>
        <translation>Noch keine Sweeps (trainyard sweep DATEI)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No grouping</source>
        <translation>Keine Gruppierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group by status</source>
        <translation>Nach Status gruppieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group by host</source>
        <translation>Nach Host gruppieren</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No run matches “%1”.</source>
        <translation>Kein Lauf passt zu „%1“.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;&lt;b&gt;No runs yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Start one from the &lt;b&gt;Launch&lt;/b&gt; tab (Alt+2), or from a terminal:&lt;br&gt;&lt;code&gt;trainyard launch --num_processes 2 train.py&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Runs launched anywhere on this machine appear here by themselves, with their metrics, logs and status.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Noch keine Läufe.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Starten Sie einen im Tab &lt;b&gt;Starten&lt;/b&gt; (Alt+2) oder in einem Terminal:&lt;br&gt;&lt;code&gt;trainyard launch --num_processes 2 train.py&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Läufe, die irgendwo auf diesem Rechner gestartet werden, erscheinen hier von selbst, mit ihren Metriken, Logs und ihrem Status.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Group by %1</source>
        <translation>Nach %1 gruppieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Co&amp;mpare Runs</source>
        <translation>Läufe &amp;vergleichen</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+367"/>
        <source>Select two or more runs to compare (Ctrl+click).</source>
        <translation>Zum Vergleichen zwei oder mehr Läufe wählen (Strg+Klick).</translation>
    </message>
    <message>
        <location line="-352"/>
        <source>&amp;Delete Run</source>
        <translation>Lauf &amp;löschen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete run</source>
        <translation>Lauf löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the run %1, its metrics and its logs?</source>
        <translation>Den Lauf %1 mit seinen Metriken und Protokollen löschen?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit &amp;Note</source>
        <translation>&amp;Notiz bearbeiten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit &amp;Tags...</source>
        <translation>&amp;Tags bearbeiten...</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Imported %n run(s) (%1 points) from %2.</source>
        <translation>
            <numerusform>%n Lauf (%1 Punkte) aus %2 importiert.</numerusform>
            <numerusform>%n Läufe (%1 Punkte) aus %2 importiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import from %1 stopped: %2</source>
        <translation>Import aus %1 abgebrochen: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n problem(s): damaged records or lines were skipped.</source>
        <translation>
            <numerusform>%n Problem: beschädigte Datensätze oder Zeilen wurden übersprungen.</numerusform>
            <numerusform>%n Probleme: beschädigte Datensätze oder Zeilen wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Live push connection closed: %1</source>
        <translation>Live-Verbindung geschlossen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Launch</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memory</source>
        <translation>Speicherbedarf</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Config</source>
        <translation>&amp;Neue Konfiguration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New Config with &amp;Wizard...</source>
        <translation>Neue Konfiguration mit &amp;Assistent...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open Config...</source>
        <translation>Konfiguration ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save &amp;As / Export...</source>
        <translation>Speichern &amp;unter / Exportieren …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import Runs from Folder...</source>
        <translation>Läufe aus &amp;Ordner importieren...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import a TensorBoard logdir or an MLflow mlruns folder</source>
        <translation>Ein TensorBoard-Logdir oder einen MLflow-Ordner mlruns importieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import Runs from Fi&amp;le...</source>
        <translation>Läufe aus Da&amp;tei importieren...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import a TensorBoard event file or a tracker JSONL file</source>
        <translation>Eine TensorBoard-Event-Datei oder eine JSONL-Datei des Trackers importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event and tracker files (events.out.tfevents.* *.jsonl);;All files (*)</source>
        <translation>Event- und Tracker-Dateien (events.out.tfevents.* *.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;load Runs</source>
        <translation>Läufe neu &amp;laden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Se&amp;ttings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Runs</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Launch</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Memory</source>
        <translation>Speicher&amp;bedarf</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Next Tab</source>
        <translation>&amp;Nächster Reiter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Previous Tab</source>
        <translation>&amp;Vorheriger Reiter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Close Tab</source>
        <translation>Reiter &amp;schließen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Trainyard Studio</source>
        <translation>&amp;Über Trainyard Studio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Trainyard Studio</source>
        <translation>Über Trainyard Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainyard Studio %1
Configure, estimate, launch and monitor PyTorch training runs.</source>
        <translation>Trainyard Studio %1
PyTorch-Trainingsläufe konfigurieren, abschätzen, starten und beobachten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Importing %1...</source>
        <translation>%1 wird importiert …</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Sweep stopped: %1 waiting trial(s) removed, %2 running trial(s) stopping.</source>
        <translation>Sweep beendet: %1 wartende(r) Versuch(e) entfernt, %2 laufende(r) Versuch(e) werden angehalten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>More trials queued; they appear as they start.</source>
        <translation>Weitere Versuche eingereiht; sie erscheinen, sobald sie starten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot continue the sweep: %1</source>
        <translation>Der Sweep kann nicht fortgesetzt werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sweep: %1</source>
        <translation>Sweep: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Compare: %1</source>
        <translation>Vergleich: %1</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+136"/>
        <location line="+27"/>
        <source>untitled</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Open accelerate config</source>
        <translation>accelerate-Konfiguration öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configs (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Konfigurationen (*.yaml *.yml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading %1...</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Config has errors</source>
        <translation>Konfiguration hat Fehler</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n error(s) in this config: accelerate launch would refuse it. The Problems list says where. Save it anyway?</source>
        <translation>
            <numerusform>%n Fehler in dieser Konfiguration: accelerate launch würde sie ablehnen. Die Problemliste zeigt, wo. Trotzdem speichern?</numerusform>
            <numerusform>%n Fehler in dieser Konfiguration: accelerate launch würde sie ablehnen. Die Problemliste zeigt, wo. Trotzdem speichern?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save Anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved %1 (%2)</source>
        <translation>%1 gespeichert (%2)</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+6"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="-582"/>
        <source>Group the runs by a parameter, their status or their host</source>
        <translation>Die Läufe nach einem Parameter, ihrem Status oder ihrem Host gruppieren</translation>
    </message>
    <message>
        <location line="+596"/>
        <source>Save accelerate config</source>
        <translation>accelerate-Konfiguration speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YAML (*.yaml *.yml);;JSON (*.json)</source>
        <translation>YAML (*.yaml *.yml);;JSON (*.json)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1%2 - Trainyard Studio</source>
        <translation>%1%2 – Trainyard Studio</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Unsaved config</source>
        <translation>Ungespeicherte Konfiguration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to %1?</source>
        <translation>Die Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Tags of %1</source>
        <translation>Tags von %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One KEY=VALUE per line (the filter reads them: team=vision):</source>
        <translation>Ein SCHLÜSSEL=WERT pro Zeile (der Filter liest sie: team=vision):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not KEY=VALUE: %1; the tags were not changed</source>
        <translation>Nicht SCHLÜSSEL=WERT: %1; die Tags wurden nicht geändert</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>A run is in progress</source>
        <translation>Ein Lauf ist im Gange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A run started from this window is still running. Stop it (every rank is terminated and the run is recorded as cancelled), or keep it running without the window? Trainyard Studio follows it again when you open it next.</source>
        <translation>Ein in diesem Fenster gestarteter Lauf ist noch aktiv. Anhalten (alle Ränge werden beendet und der Lauf als abgebrochen gespeichert) oder ohne das Fenster weiterlaufen lassen? Trainyard Studio verfolgt ihn beim nächsten Öffnen wieder.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Stop the Run</source>
        <translation>Lauf &amp;anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep Running</source>
        <translation>&amp;Weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>trainyard::MemoryView</name>
    <message>
        <location filename="../widgets/memoryview.cpp" line="+106"/>
        <source>Micro-batch size per GPU</source>
        <translation>Micro-Batch-Größe pro GPU</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>from the launch config</source>
        <translation>aus der Launch-Konfiguration</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The dtype the device map places (float32 unless chosen, as the CLI)</source>
        <translation>Der dtype, den die Device-Map verteilt (float32, wenn nicht gewählt, wie in der CLI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 80GiB</source>
        <translation>z. B. 80GiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory of one GPU: each strategy&apos;s total is checked against it</source>
        <translation>Speicher einer GPU: die Summe jeder Strategie wird damit verglichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a model folder (config.json or safetensors), or a config.json</source>
        <translation>ein Modellordner (config.json oder safetensors) oder eine config.json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accelerate config for the training estimate (optional)</source>
        <translation>accelerate-Konfiguration für die Trainingsschätzung (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Estimate</source>
        <translation>&amp;Schätzen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Launch config</source>
        <translation>Startkonfiguration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sequence</source>
        <translation>Sequenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU memory</source>
        <translation>GPU-Speicher</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Max memory</source>
        <translation>Max. Speicher</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>dtype</source>
        <translation>dtype</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Largest layer</source>
        <translation>Größte Schicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total size</source>
        <translation>Gesamtgröße</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training using Adam</source>
        <translation>Training mit Adam</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>GiB per GPU</source>
        <translation>GiB pro GPU</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>GPU %1 %2</source>
        <translation>GPU %1 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CPU %1 available</source>
        <translation>CPU %1 verfügbar</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Training as launched (%1): %2 per GPU; %3 GPU(s), mixed precision %4, batch %5 x %6 tokens; device map in %7.</source>
        <translation>Training wie gestartet (%1): %2 pro GPU; %3 GPU(s), Mixed Precision %4, Batch %5 x %6 Tokens; Device-Map in %7.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Device map for this machine (%1); give Max memory to plan for other devices.</source>
        <translation>Geräteverteilung für diese Maschine (%1); für andere Geräte „Max. Speicher“ angeben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On one GPU, DDP, FSDP and ZeRO shard nothing, so their totals below are the same; set the GPU count (or a launch config&apos;s num_processes) to compare them.</source>
        <translation>Auf einer GPU teilen DDP, FSDP und ZeRO nichts auf, daher sind ihre Summen unten gleich; setzen Sie die Zahl der GPUs (oder num_processes einer Startkonfiguration), um sie zu vergleichen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training fits on the GPU with %1 to spare.</source>
        <translation>Das Training passt auf die GPU, %1 bleiben frei.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training does NOT fit on the GPU: %1 short.</source>
        <translation>Das Training passt NICHT auf die GPU: %1 fehlen.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>fits %1</source>
        <translation>passt in %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Estimating...</source>
        <translation>Schätze...</translation>
    </message>
    <message>
        <location line="-233"/>
        <source>weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fp32 master weights</source>
        <translation>fp32-Mastergewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradients</source>
        <translation>Gradienten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optimizer states (Adam)</source>
        <translation>Optimiererzustände (Adam)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gathered unit</source>
        <translation>gesammelte Einheit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA context</source>
        <translation>CUDA-Kontext</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fragmentation allowance</source>
        <translation>Fragmentierungsreserve</translation>
    </message>
    <message>
        <location line="+234"/>
        <source>cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>GPU memory: %1</source>
        <translation>GPU-Speicher: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiteres</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 parameters; largest layer %3 (%4)</source>
        <translation>%1: %2 Parameter; größte Schicht %3 (%4)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>(whole model)</source>
        <translation>(ganzes Modell)</translation>
    </message>
</context>
<context>
    <name>trainyard::PlanMessages</name>
    <message>
        <location filename="../engine/launch/launchplan.cpp" line="+68"/>
        <source>use only one of --multi_gpu, --cpu, --tpu, --use_deepspeed, --use_fsdp</source>
        <translation>verwenden Sie nur eine der Optionen --multi_gpu, --cpu, --tpu, --use_deepspeed, --use_fsdp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--multi_gpu needs at least 2 processes</source>
        <translation>--multi_gpu braucht mindestens 2 Prozesse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--use_parallelism_config needs --use_fsdp with --fsdp_version 2</source>
        <translation>--use_parallelism_config braucht --use_fsdp mit --fsdp_version 2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--module and --no_python cannot be used together</source>
        <translation>--module und --no_python können nicht zusammen verwendet werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no training script or program given</source>
        <translation>kein Trainingsskript oder Programm angegeben</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>use --hostfile or --hosts, not both</source>
        <translation>verwenden Sie --hostfile oder --hosts, nicht beide</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--machine_rank cannot be used with %1: every machine is started from here, line i of the hosts as machine rank i</source>
        <translation>--machine_rank kann nicht mit %1 verwendet werden: jeder Rechner wird von hier aus gestartet, Zeile i der Hosts als Rechnerrang i</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1 lists %n machine(s), but num_machines is %2 (from %3); make them agree</source>
        <translation>
            <numerusform>%1 führt %n Rechner auf, aber num_machines ist %2 (aus %3); gleichen Sie beides an</numerusform>
            <numerusform>%1 führt %n Rechner auf, aber num_machines ist %2 (aus %3); gleichen Sie beides an</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: every machine runs the same number of processes, but %2 has slots=%3 and another slots=%4</source>
        <translation>%1: jeder Rechner führt gleich viele Prozesse aus, aber %2 hat slots=%3 und ein anderer slots=%4</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 gives slots=%2 on each of %3 machines (%4 processes), but num_processes is %5 (from %6)</source>
        <translation>%1 gibt slots=%2 auf jedem von %3 Rechnern an (%4 Prozesse), aber num_processes ist %5 (aus %6)</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>num_processes was not given: one process on each of the %n machine(s)</source>
        <translation>
            <numerusform>num_processes wurde nicht angegeben: ein Prozess auf %n Rechner</numerusform>
            <numerusform>num_processes wurde nicht angegeben: ein Prozess auf jedem der %n Rechner</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>this is a SageMaker config; Trainyard does not launch SageMaker jobs</source>
        <translation>dies ist eine SageMaker-Konfiguration; Trainyard startet keine SageMaker-Jobs</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>the config does not say how many processes to start; pass --num_processes</source>
        <translation>die Konfiguration gibt nicht an, wie viele Prozesse zu starten sind; übergeben Sie --num_processes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--num_processes was not given and no config was found; using %1</source>
        <translation>--num_processes wurde nicht angegeben und keine Konfiguration gefunden; %1 wird verwendet</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>unknown mixed_precision mode &apos;%1&apos;; choose one of no, fp16, bf16, fp8</source>
        <translation>unbekannter mixed_precision-Modus &apos;%1&apos;; wählen Sie no, fp16, bf16 oder fp8</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--%1: &apos;%2&apos; is not a truth value (true/false, yes/no, on/off, 1/0)</source>
        <translation>--%1: &apos;%2&apos; ist kein Wahrheitswert (true/false, yes/no, on/off, 1/0)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>--fp8_override_linear_precision: &apos;%1&apos; is not a truth value</source>
        <translation>--fp8_override_linear_precision: &apos;%1&apos; ist kein Wahrheitswert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>fp8 override_linear_precision needs three values (fprop, dgrad, wgrad), not %1</source>
        <translation>fp8 override_linear_precision braucht drei Werte (fprop, dgrad, wgrad), nicht %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>unknown dynamo backend &apos;%1&apos;</source>
        <translation>unbekanntes dynamo-Backend &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>fsdp_cpu_ram_efficient_loading is on and fsdp_sync_module_states is off: accelerate launch refuses this (&quot;When using `--fsdp_cpu_ram_efficient_loading` set `--fsdp_sync_module_states` to `True`&quot;); set fsdp_sync_module_states to true</source>
        <translation>fsdp_cpu_ram_efficient_loading ist eingeschaltet und fsdp_sync_module_states ausgeschaltet: accelerate launch lehnt dies ab (&quot;When using `--fsdp_cpu_ram_efficient_loading` set `--fsdp_sync_module_states` to `True`&quot;); setzen Sie fsdp_sync_module_states auf true</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>fsdp_cpu_ram_efficient_loading with fsdp_sync_module_states false: only rank 0 loads the weights, so the others need them broadcast; accelerate&apos;s FSDP1 plugin turns fsdp_sync_module_states on when the run starts</source>
        <translation>fsdp_cpu_ram_efficient_loading mit fsdp_sync_module_states false: nur Rang 0 lädt die Gewichte, daher müssen sie an die anderen verteilt (Broadcast) werden; das FSDP1-Plugin von accelerate schaltet fsdp_sync_module_states beim Start des Laufs ein</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>main_process_port is 0 (pick a free port), but only machine 0 can pick it; give machine %1 the port machine 0 chose</source>
        <translation>main_process_port ist 0 (freien Port wählen), aber nur Rechner 0 kann ihn wählen; geben Sie Rechner %1 den Port, den Rechner 0 gewählt hat</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>main_process_port 0: using free port %1</source>
        <translation>main_process_port 0: freier Port %1 wird verwendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>port %1 on this machine (machine 0) is in use; the other machines expect the rendezvous there. Free it or choose another main_process_port on every machine</source>
        <translation>Port %1 auf diesem Rechner (Rechner 0) ist belegt; die anderen Rechner erwarten dort das Rendezvous. Geben Sie ihn frei oder wählen Sie auf jedem Rechner einen anderen main_process_port</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>port %1 is in use; using free port %2 instead</source>
        <translation>Port %1 ist belegt; stattdessen wird der freie Port %2 verwendet</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Trainyard does not launch TPU (XLA) runs</source>
        <translation>Trainyard startet keine TPU-Läufe (XLA)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>num_processes must be at least 1</source>
        <translation>num_processes muss mindestens 1 sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>num_processes (%1) must be divisible by num_machines (%2)</source>
        <translation>num_processes (%1) muss durch num_machines (%2) teilbar sein</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>machine_rank %1 is outside 0..%2</source>
        <translation>machine_rank %1 liegt außerhalb von 0..%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>less than two GPU ids were configured for a multi-GPU run</source>
        <translation>für einen Multi-GPU-Lauf wurden weniger als zwei GPU-IDs konfiguriert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--slurm runs on the nodes Slurm gives the job: leave out --hostfile and --hosts</source>
        <translation>--slurm läuft auf den Knoten, die Slurm dem Job zuteilt: lassen Sie --hostfile und --hosts weg</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>several machines need main_process_ip</source>
        <translation>mehrere Rechner brauchen main_process_ip</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>main_process_port 0: machine 0 picks a free port when the run starts</source>
        <translation>main_process_port 0: Rechner 0 wählt beim Start des Laufs einen freien Port</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>--env %1: expected NAME=VALUE</source>
        <translation>--env %1: NAME=VALUE erwartet</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Generated by Trainyard: the ranks of machine %1 of %2.</source>
        <translation>Von Trainyard erzeugt: die Ränge von Maschine %1 von %2.</translation>
    </message>
</context>
<context>
    <name>trainyard::QuestionnaireText</name>
    <message>
        <location filename="../engine/config/questionnaire.cpp" line="+39"/>
        <source> (default)</source>
        <translation> (Vorgabe)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a number [%1]: </source>
        <translation>Wählen Sie eine Nummer [%1]: </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Please enter a number between 0 and %1.</source>
        <translation>Bitte geben Sie eine Zahl zwischen 0 und %1 ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> [YES/no]: </source>
        <translation> [YES/no]: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> [yes/NO]: </source>
        <translation> [yes/NO]: </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Please answer yes or no.</source>
        <translation>Bitte antworten Sie mit yes oder no.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Please enter a whole number from %1 to %2.</source>
        <translation>Bitte geben Sie eine ganze Zahl von %1 bis %2 ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please enter a whole number of at least %1.</source>
        <translation>Bitte geben Sie eine ganze Zahl von mindestens %1 ein.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Please enter a number.</source>
        <translation>Bitte geben Sie eine Zahl ein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An answer is needed.</source>
        <translation>Eine Antwort ist erforderlich.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Do you want to specify a json file to a DeepSpeed config?</source>
        <translation>Möchten Sie eine JSON-Datei als DeepSpeed-Konfiguration angeben?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please enter the path to the json DeepSpeed config file</source>
        <translation>Bitte geben Sie den Pfad zur JSON-Konfigurationsdatei von DeepSpeed ein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What should be your DeepSpeed&apos;s ZeRO optimization stage?</source>
        <translation>Welche ZeRO-Optimierungsstufe soll DeepSpeed verwenden?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where to offload optimizer states?</source>
        <translation>Wohin sollen die Optimiererzustände ausgelagert werden?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where to offload parameters?</source>
        <translation>Wohin sollen die Parameter ausgelagert werden?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>NVMe path to offload parameters</source>
        <translation>NVMe-Pfad zum Auslagern der Parameter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NVMe path to offload optimizer states</source>
        <translation>NVMe-Pfad zum Auslagern der Optimiererzustände</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many gradient accumulation steps you&apos;re passing in your script?</source>
        <translation>Wie viele Gradientenakkumulationsschritte übergeben Sie in Ihrem Skript?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to use gradient clipping?</source>
        <translation>Möchten Sie Gradient Clipping verwenden?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is the gradient clipping value?</source>
        <translation>Welchen Wert soll das Gradient Clipping haben?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to save 16-bit model weights when using ZeRO Stage-3?</source>
        <translation>Möchten Sie bei ZeRO Stage-3 16-Bit-Modellgewichte speichern?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do you want to enable `deepspeed.zero.Init` when using ZeRO Stage-3 for constructing massive models?</source>
        <translation>Möchten Sie `deepspeed.zero.Init` bei ZeRO Stage-3 zum Aufbau sehr großer Modelle aktivieren?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to enable Mixture-of-Experts training (MoE)?</source>
        <translation>Möchten Sie Mixture-of-Experts-Training (MoE) aktivieren?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Specify the comma-separated list of transformers MoE layer class names</source>
        <translation>Geben Sie die kommagetrennte Liste der Klassennamen der MoE-Schichten von transformers an</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Which Type of launcher do you want to use?</source>
        <translation>Welchen Launcher-Typ möchten Sie verwenden?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DeepSpeed configures multi-node compute resources with hostfile. Path to the hostfile</source>
        <translation>DeepSpeed konfiguriert Multi-Node-Rechenressourcen mit einer Hostdatei. Pfad zur Hostdatei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to specify exclusion filter string?</source>
        <translation>Möchten Sie einen Ausschlussfilter angeben?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DeepSpeed exclusion filter string</source>
        <translation>DeepSpeed-Ausschlussfilter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do you want to specify inclusion filter string?</source>
        <translation>Möchten Sie einen Einschlussfilter angeben?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DeepSpeed inclusion filter string</source>
        <translation>DeepSpeed-Einschlussfilter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What should be your FSDP version?</source>
        <translation>Welche FSDP-Version möchten Sie verwenden?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What should be your sharding strategy?</source>
        <translation>Welche Sharding-Strategie möchten Sie verwenden?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Do you want to enable resharding after forward?</source>
        <translation>Möchten Sie das Resharding nach dem Forward aktivieren?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to offload parameters and gradients to CPU?</source>
        <translation>Möchten Sie Parameter und Gradienten auf die CPU auslagern?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What should be your auto wrap policy?</source>
        <translation>Welche Auto-Wrap-Richtlinie möchten Sie verwenden?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to use the model&apos;s `_no_split_modules` to wrap?</source>
        <translation>Möchten Sie zum Wrappen die `_no_split_modules` des Modells verwenden?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Specify the comma-separated list of transformer layer class names (case-sensitive) to wrap, e.g. `BertLayer`, `GPTJBlock`, `T5Block`</source>
        <translation>Geben Sie die kommagetrennte Liste der zu wrappenden Klassennamen der Transformer-Schichten an (Groß-/Kleinschreibung beachten), z. B. `BertLayer`, `GPTJBlock`, `T5Block`</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What should be your FSDP&apos;s minimum number of parameters for Default Auto Wrapping Policy?</source>
        <translation>Welche Mindestanzahl an Parametern soll FSDP für die Standard-Auto-Wrap-Richtlinie verwenden?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What should be your FSDP&apos;s backward prefetch policy?</source>
        <translation>Welche Backward-Prefetch-Richtlinie soll FSDP verwenden?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What should be your FSDP&apos;s state dict type?</source>
        <translation>Welchen State-Dict-Typ soll FSDP verwenden?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to enable FSDP&apos;s forward prefetch policy?</source>
        <translation>Möchten Sie das Forward-Prefetching von FSDP aktivieren?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to enable FSDP&apos;s `use_orig_params` feature?</source>
        <translation>Möchten Sie die Funktion `use_orig_params` von FSDP aktivieren?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to enable CPU RAM efficient model loading? Only applicable for Transformers models.</source>
        <translation>Möchten Sie das CPU-RAM-sparende Laden des Modells aktivieren? Nur für Transformers-Modelle anwendbar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Do you want each individually wrapped FSDP unit to broadcast module parameters from rank 0 at the start?</source>
        <translation>Soll jede einzeln gewrappte FSDP-Einheit zu Beginn die Modulparameter von Rang 0 verteilen (Broadcast)?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Do you want to enable FSDP activation checkpointing?</source>
        <translation>Möchten Sie das Activation Checkpointing von FSDP aktivieren?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do you want to use the parallelism config?</source>
        <translation>Möchten Sie die Parallelisierungskonfiguration verwenden?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What is the %1?</source>
        <translation>Welchen Wert hat %1?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What context parallel communication strategy?</source>
        <translation>Welche Kommunikationsstrategie für die Kontextparallelität?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Do you wish to use mixed precision?</source>
        <translation>Möchten Sie Mixed Precision verwenden?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Which FP8 backend do you want to use?</source>
        <translation>Welches FP8-Backend möchten Sie verwenden?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do you want to use FP8 autocast during eval mode?</source>
        <translation>Möchten Sie FP8-Autocast im Evaluierungsmodus verwenden?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What margin should be used for gradient scaling?</source>
        <translation>Welche Marge soll für die Gradientenskalierung verwendet werden?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What interval should be used for when to recompute the scaling factor?</source>
        <translation>In welchem Intervall soll der Skalierungsfaktor neu berechnet werden?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Which weight format should be used?</source>
        <translation>Welches Gewichtsformat soll verwendet werden?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What length of history should be used for the amax scaling factor computation?</source>
        <translation>Welche Historienlänge soll für die Berechnung des amax-Skalierungsfaktors verwendet werden?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Which algorithm should be used for the amax scaling factor computation?</source>
        <translation>Welcher Algorithmus soll für die Berechnung des amax-Skalierungsfaktors verwendet werden?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do you want to execute `fprop`, `dgrad`, and `wgrad` GEMMS in higher precision?</source>
        <translation>Möchten Sie die GEMMs `fprop`, `dgrad` und `wgrad` mit höherer Genauigkeit ausführen?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Should `%1` be executed in higher precision?</source>
        <translation>Soll `%1` mit höherer Genauigkeit ausgeführt werden?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What optimization level should be used?</source>
        <translation>Welche Optimierungsstufe soll verwendet werden?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to enable FSDP2 float8 all-gather?</source>
        <translation>Möchten Sie FSDP2-float8-All-Gather aktivieren?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do you want to pad the inner dimension of weight matrices?</source>
        <translation>Möchten Sie die innere Dimension der Gewichtsmatrizen auffüllen (Padding)?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No distributed training</source>
        <translation>Kein verteiltes Training</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Detected %n NVIDIA GPU(s).</source>
        <translation>
            <numerusform>%n NVIDIA-GPU erkannt.</numerusform>
            <numerusform>%n NVIDIA-GPUs erkannt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No GPU detected on this machine.</source>
        <translation>Auf diesem Rechner wurde keine GPU erkannt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which type of machine are you using?</source>
        <translation>Welche Art von Rechner verwenden Sie?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How many different machines will you use (use more than 1 for multi-node training)?</source>
        <translation>Wie viele verschiedene Rechner werden Sie verwenden (mehr als 1 für Multi-Node-Training)?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What is the rank of this machine?</source>
        <translation>Welchen Rang hat dieser Rechner?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is the IP address of the machine that will host the main process?</source>
        <translation>Wie lautet die IP-Adresse des Rechners, auf dem der Hauptprozess läuft?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What is the port you will use to communicate with the main process?</source>
        <translation>Über welchen Port werden Sie mit dem Hauptprozess kommunizieren?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Are all the machines on the same local network?</source>
        <translation>Befinden sich alle Rechner im selben lokalen Netzwerk?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What rendezvous backend will you use? (&apos;static&apos;, &apos;c10d&apos;, ...)</source>
        <translation>Welches Rendezvous-Backend werden Sie verwenden? (&apos;static&apos;, &apos;c10d&apos;, ...)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Should distributed operations be checked while running for errors? This can avoid timeout issues but will be slower.</source>
        <translation>Sollen verteilte Operationen während der Ausführung auf Fehler geprüft werden? Das kann Timeout-Probleme vermeiden, ist aber langsamer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Do you want to run your training on CPU only (even if a GPU / Apple Silicon / Ascend NPU device is available)?</source>
        <translation>Möchten Sie Ihr Training nur auf der CPU ausführen (auch wenn ein GPU-, Apple-Silicon- oder Ascend-NPU-Gerät verfügbar ist)?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do you want to launch your training with mpirun?</source>
        <translation>Möchten Sie Ihr Training mit mpirun starten?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the path to the hostfile to use with mpirun</source>
        <translation>Geben Sie den Pfad zur Hostdatei für mpirun ein</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Do you wish to optimize your script with torch dynamo?</source>
        <translation>Möchten Sie Ihr Skript mit torch dynamo optimieren?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Which dynamo backend would you like to use?</source>
        <translation>Welches dynamo-Backend möchten Sie verwenden?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to customize the defaults sent to torch.compile?</source>
        <translation>Möchten Sie die an torch.compile übergebenen Vorgaben anpassen?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which mode do you want to use?</source>
        <translation>Welchen Modus möchten Sie verwenden?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want the fullgraph mode or it is ok to break model into several subgraphs?</source>
        <translation>Möchten Sie den Fullgraph-Modus, oder darf das Modell in mehrere Teilgraphen aufgeteilt werden?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to enable dynamic shape tracing?</source>
        <translation>Möchten Sie das Tracing dynamischer Shapes aktivieren?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do you want to enable regional compilation?</source>
        <translation>Möchten Sie die regionale Kompilierung aktivieren?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Do you want to use DeepSpeed?</source>
        <translation>Möchten Sie DeepSpeed verwenden?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Do you want to use FullyShardedDataParallel?</source>
        <translation>Möchten Sie FullyShardedDataParallel verwenden?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to use Megatron-LM?</source>
        <translation>Möchten Sie Megatron-LM verwenden?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What is the Tensor Parallelism degree/size?</source>
        <translation>Welchen Grad bzw. welche Größe hat die Tensorparallelität?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to enable Sequence Parallelism?</source>
        <translation>Möchten Sie Sequenzparallelität aktivieren?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is the Pipeline Parallelism degree/size?</source>
        <translation>Welchen Grad bzw. welche Größe hat die Pipeline-Parallelität?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What is the number of micro-batches?</source>
        <translation>Wie viele Micro-Batches sollen es sein?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do you want to enable selective activation recomputation?</source>
        <translation>Möchten Sie die selektive Neuberechnung von Aktivierungen aktivieren?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to use distributed optimizer which shards optimizer state and gradients across data parallel ranks?</source>
        <translation>Möchten Sie den verteilten Optimierer verwenden, der Optimiererzustand und Gradienten über die datenparallelen Ränge shardet?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What is the gradient clipping value based on global L2 Norm (0 to disable)?</source>
        <translation>Welchen Wert soll das Gradient Clipping auf Basis der globalen L2-Norm haben (0 zum Deaktivieren)?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TPU cores</source>
        <translation>TPU-Kerne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU(s)</source>
        <translation>GPU(s)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How many %1 should be used for distributed training (in total over all machines)?</source>
        <translation>Wie viele %1 sollen für das verteilte Training verwendet werden (insgesamt über alle Rechner)?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The number of processes must be divisible by the number of machines (%1).</source>
        <translation>Die Anzahl der Prozesse muss durch die Anzahl der Rechner (%1) teilbar sein.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>This machine has %n GPU(s); %1 processes per machine would share GPUs.</source>
        <translation>
            <numerusform>Dieser Rechner hat %n GPU; %1 Prozesse pro Rechner müssten sich GPUs teilen.</numerusform>
            <numerusform>Dieser Rechner hat %n GPUs; %1 Prozesse pro Rechner müssten sich GPUs teilen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note: no GPU was detected here; the config is kept for a machine that has them.</source>
        <translation>Hinweis: hier wurde keine GPU erkannt; die Konfiguration bleibt für einen Rechner mit GPUs erhalten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One process on one machine is not distributed training: the type is set to &apos;No distributed training&apos;.</source>
        <translation>Ein Prozess auf einem Rechner ist kein verteiltes Training: der Typ wird auf &apos;Kein verteiltes Training&apos; gesetzt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What GPU(s) (by id) should be used for training on this machine as a comma-separated list?</source>
        <translation>Welche GPU(s) (nach ID) sollen auf diesem Rechner für das Training verwendet werden, als kommagetrennte Liste?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; is not a GPU of this machine (it has GPUs 0 to %2).</source>
        <translation>&apos;%1&apos; ist keine GPU dieses Rechners (er hat die GPUs 0 bis %2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is not a GPU index.</source>
        <translation>&apos;%1&apos; ist kein GPU-Index.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Would you like to enable numa efficiency? (Currently only supported on NVIDIA hardware).</source>
        <translation>Möchten Sie die NUMA-Effizienz aktivieren? (Derzeit nur auf NVIDIA-Hardware unterstützt).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What is the name of the function in your script that should be launched in all parallel scripts?</source>
        <translation>Wie heißt die Funktion in Ihrem Skript, die in allen parallelen Skripten gestartet werden soll?</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>In which compute environment are you running?</source>
        <translation>In welcher Rechenumgebung arbeiten Sie?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This machine</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AWS (Amazon SageMaker)</source>
        <translation>AWS (Amazon SageMaker)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainyard does not create SageMaker configs; use `accelerate config` for those</source>
        <translation>Trainyard erstellt keine SageMaker-Konfigurationen; verwenden Sie dafür `accelerate config`</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the input ended before the questionnaire was complete</source>
        <translation>die Eingabe endete, bevor der Fragebogen vollständig war</translation>
    </message>
</context>
<context>
    <name>trainyard::QueueModel</name>
    <message>
        <location filename="../widgets/queuemodel.cpp" line="+116"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n GPU(s)</source>
        <translation>
            <numerusform>%n GPU</numerusform>
            <numerusform>%n GPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n CPU slot(s)</source>
        <translation>
            <numerusform>%n CPU-Platz</numerusform>
            <numerusform>%n CPU-Plätze</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asks for</source>
        <translation>Braucht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU ids</source>
        <translation>GPU-Nummern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
</context>
<context>
    <name>trainyard::QueuePanel</name>
    <message>
        <location filename="../widgets/queuepanel.cpp" line="+35"/>
        <location line="+196"/>
        <source>&amp;Start Runner</source>
        <translation>Runner &amp;starten</translation>
    </message>
    <message>
        <location line="-195"/>
        <location line="+194"/>
        <source>&amp;Pause Queue</source>
        <translation>Warteschlange &amp;anhalten</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To &amp;Top</source>
        <translation>Als &amp;Nächsten</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>every GPU NVML sees</source>
        <translation>jede GPU, die NVML sieht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The GPU ids the runner gives out, e.g. 0,1,2,3</source>
        <translation>Die GPU-Nummern, die der Runner vergibt, z. B. 0,1,2,3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many runs without GPUs may run at once</source>
        <translation>Wie viele Läufe ohne GPU gleichzeitig laufen dürfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add runs from the Launch tab (Add to Queue) or with `trainyard queue add`; the runner starts them as GPUs free up.</source>
        <translation>Läufe kommen aus dem Tab „Starten“ (In die Warteschlange) oder mit `trainyard queue add` hierher; der Runner startet sie, sobald GPUs frei werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPU pool</source>
        <translation>GPU-Vorrat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU slots</source>
        <translation>CPU-Plätze</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>The trainyard program was not found beside the studio or on PATH.</source>
        <translation>Das Programm trainyard wurde weder neben dem Studio noch im PATH gefunden.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The runner stopped.</source>
        <translation>Der Runner wurde beendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The runner ended (exit code %1).</source>
        <translation>Der Runner endete (Exit-Code %1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Runner started.</source>
        <translation>Runner gestartet.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&amp;Resume Queue</source>
        <translation>Warteschlange &amp;fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop Runner</source>
        <translation>Runner &amp;beenden</translation>
    </message>
</context>
<context>
    <name>trainyard::QueueRunText</name>
    <message>
        <location filename="../launch/queue.cpp" line="+106"/>
        <source>cannot create the run folder %1</source>
        <translation>der Ordner des Laufs %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot write %1/run.json: %2</source>
        <translation>%1/run.json kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+4"/>
        <location line="+73"/>
        <location line="+3"/>
        <source>cannot open the run database %1</source>
        <translation>die Laufdatenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>cannot queue the run in %1: %2</source>
        <translation>der Lauf kann nicht in %1 eingereiht werden: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>run %1 is not in the queue</source>
        <translation>Lauf %1 steht nicht in der Warteschlange</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run %1 is %2: stop it first (Stop in the studio, or `kill -INT %3`, its launcher)</source>
        <translation>Lauf %1 ist %2: zuerst anhalten (Stoppen im Studio oder `kill -INT %3`, sein Launcher)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>another queue runner (pid %1) serves %2</source>
        <translation>ein anderer Warteschlangen-Runner (PID %1) bedient %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>cannot read the queue: %1</source>
        <translation>die Warteschlange kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>its launcher ended before it started the run; its output is in %1/launcher.log</source>
        <translation>sein Launcher endete, bevor er den Lauf startete; seine Ausgabe steht in %1/launcher.log</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot record run %1 as failed: %2</source>
        <translation>Lauf %1 kann nicht als fehlgeschlagen vermerkt werden: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>run %1 asks for %2 GPU(s); the pool has %3 (%4): it waits until a runner with more starts</source>
        <translation>Lauf %1 braucht %2 GPU(s); der Vorrat hat %3 (%4): er wartet, bis ein Runner mit mehr startet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>run %1 asks for %2 CPU slot(s); this runner has %3</source>
        <translation>Lauf %1 braucht %2 CPU-Plätze; dieser Runner hat %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot start run %1: %2</source>
        <translation>Lauf %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>trainyard::QueueText</name>
    <message>
        <location filename="../trackers/queuestore.cpp" line="+185"/>
        <source>run %1 is not waiting in the queue</source>
        <translation>Lauf %1 wartet nicht in der Warteschlange</translation>
    </message>
</context>
<context>
    <name>trainyard::ReaderMessages</name>
    <message>
        <location filename="../engine/config/yamlio.cpp" line="+191"/>
        <source>aliases expand to more than %1 values; a config never needs that many (is it an alias bomb?)</source>
        <translation>Aliasse erweitern sich zu mehr als %1 Werten; eine Konfiguration braucht nie so viele (ist es eine Alias-Bombe?)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>more than %1 keys and values; a config has a few hundred</source>
        <translation>mehr als %1 Schlüssel und Werte; eine Konfiguration hat einige hundert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>an alias refers to a collection that contains it; the value would be infinite</source>
        <translation>ein Alias verweist auf eine Sammlung, die ihn selbst enthält; der Wert wäre unendlich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>values are nested more than %1 levels deep</source>
        <translation>Werte sind mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>tag &apos;%1&apos; is not allowed: accelerate reads configs with yaml.safe_load, which refuses it</source>
        <translation>das Tag &apos;%1&apos; ist nicht erlaubt: accelerate liest Konfigurationen mit yaml.safe_load, das es ablehnt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>a mapping key must be a plain value</source>
        <translation>ein Schlüssel einer Zuordnung muss ein einfacher Wert sein</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>file is %1 bytes, larger than the %2 bytes a config may have</source>
        <translation>die Datei hat %1 Bytes, mehr als die %2 Bytes, die eine Konfiguration haben darf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>file is binary (it contains a NUL byte), not YAML or JSON</source>
        <translation>die Datei ist binär (sie enthält ein NUL-Byte), kein YAML oder JSON</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>file is not valid UTF-8 text</source>
        <translation>die Datei ist kein gültiger UTF-8-Text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file is empty: a config needs at least distributed_type</source>
        <translation>die Datei ist leer: eine Konfiguration braucht mindestens distributed_type</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>JSON syntax error: %1</source>
        <translation>JSON-Syntaxfehler: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>tab character in indentation: YAML indents with spaces only</source>
        <translation>Tabulatorzeichen in der Einrückung: YAML rückt nur mit Leerzeichen ein</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>YAML syntax error: %1</source>
        <translation>YAML-Syntaxfehler: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>file holds no settings: a config needs at least distributed_type</source>
        <translation>die Datei enthält keine Einstellungen: eine Konfiguration braucht mindestens distributed_type</translation>
    </message>
</context>
<context>
    <name>trainyard::RemoteText</name>
    <message>
        <location filename="../engine/remote/remotemachine.cpp" line="+121"/>
        <source>%1: cannot run the SSH command %2: %3</source>
        <translation>%1: der SSH-Befehl %2 kann nicht ausgeführt werden: %3</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>%1: no answer from the machine within %2 s%3</source>
        <translation>%1: keine Antwort vom Rechner innerhalb von %2 s%3</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1: no word from the machine for %2 s (its network or the machine is down); its ranks stop themselves when they stop hearing from here</source>
        <translation>%1: seit %2 s keine Nachricht vom Rechner (sein Netzwerk oder der Rechner ist ausgefallen); seine Ränge beenden sich selbst, wenn sie von hier nichts mehr hören</translation>
    </message>
    <message>
        <location line="+71"/>
        <location line="+20"/>
        <location line="+47"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1: srun could not start the agent (exit code %2)%3</source>
        <translation>%1: srun konnte den Agenten nicht starten (Exit-Code %2)%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: cannot connect: %2</source>
        <translation>%1: keine Verbindung möglich: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the SSH client exited with 255</source>
        <translation>der SSH-Client wurde mit 255 beendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: cannot run %2 there: %3</source>
        <translation>%1: %2 kann dort nicht ausgeführt werden: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the agent exited with %2 before answering%3</source>
        <translation>%1: der Agent wurde mit %2 beendet, bevor er antwortete%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: lost the connection to the machine (%2)</source>
        <translation>%1: die Verbindung zum Rechner ist abgebrochen (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
</context>
<context>
    <name>trainyard::RunCompareModel</name>
    <message>
        <location filename="../widgets/runcomparemodel.cpp" line="+27"/>
        <source>Cannot compare the runs: %1</source>
        <translation>Die Läufe können nicht verglichen werden: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>launch</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last value</source>
        <translation>letzter Wert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Section</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
</context>
<context>
    <name>trainyard::RunControlText</name>
    <message>
        <location filename="../launch/runcontrol.cpp" line="+30"/>
        <source>the run&apos;s launcher does not run on this machine</source>
        <translation>der Launcher des Laufs läuft nicht auf diesem Rechner</translation>
    </message>
</context>
<context>
    <name>trainyard::RunController</name>
    <message>
        <location filename="../engine/launch/runcontroller.cpp" line="+214"/>
        <source>could not write the run record: %1</source>
        <translation>der Lauf-Eintrag konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+235"/>
        <source>cannot write %1: %2; rank %3&apos;s output goes on to the terminal only</source>
        <translation>%1 kann nicht geschrieben werden: %2; die Ausgabe des Rangs %3 geht nur noch an das Terminal</translation>
    </message>
</context>
<context>
    <name>trainyard::RunDashboard</name>
    <message>
        <location filename="../widgets/rundashboard.cpp" line="+213"/>
        <source>&amp;Log scale</source>
        <translation>&amp;Logarithmisch</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folder for the chart images</source>
        <translation>Ordner für die Diagrammbilder</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>&amp;Mean of ranks</source>
        <translation>&amp;Mittel der Ränge</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>System: CPU, memory and GPU of every rank</source>
        <translation>System: CPU, Speicher und GPU jedes Ranks</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ranks that printed and logged nothing for longer than the launch&apos;s --watchdog time. Their Python stacks are in the run folder (stacks-rank-N.txt).</source>
        <translation>Ränge, die länger als die --watchdog-Zeit des Starts nichts ausgegeben und nichts geloggt haben. Ihre Python-Stacks liegen im Lauf-Ordner (stacks-rank-N.txt).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Python S&amp;tacks</source>
        <translation>Python-S&amp;tacks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the launcher for every Python rank&apos;s stacks (faulthandler): they are appended to stacks-rank-N.txt in the run folder. Nothing stops.</source>
        <translation>Den Launcher nach den Stacks jedes Python-Rangs fragen (faulthandler): sie werden an stacks-rank-N.txt im Lauf-Ordner angehängt. Nichts wird angehalten.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Smoothing</source>
        <translation>&amp;Glättung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weight of the exponential moving average, computed on every logged point; the raw curve stays underneath, faded.</source>
        <translation>Gewicht des exponentiellen gleitenden Mittels, berechnet über jeden geloggten Punkt; die Rohkurve bleibt blass darunter.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The x axis: the step each point was logged at, or seconds since its run started</source>
        <translation>Die x-Achse: der Schritt jedes Punkts oder die Sekunden seit dem Start seines Laufs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One line per run: the mean over its ranks, with the band from the lowest to the highest value of any rank</source>
        <translation>Eine Linie pro Lauf: das Mittel über seine Ränge, mit dem Band vom kleinsten bis zum größten Wert eines Rangs</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole runs again and follow new points (or double-click a chart)</source>
        <translation>Wieder die ganzen Läufe zeigen und neuen Punkten folgen (oder Doppelklick auf ein Diagramm)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Chart data</source>
        <translation>Diagrammdaten</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+13"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Stop R&amp;un</source>
        <translation>Lauf &amp;beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop this run as Ctrl-C would (SIGTERM, then SIGKILL after the grace period; recorded as cancelled). Again: kill its ranks at once.</source>
        <translation>Diesen Lauf beenden wie mit Strg+C (SIGTERM, nach der Frist SIGKILL; als abgebrochen vermerkt). Erneut: seine Ränge sofort beenden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run &amp;Again</source>
        <translation>&amp;Erneut starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start this run&apos;s command again as a new run: the same working directory, flags and config file as launched (trainyard runs rerun)</source>
        <translation>Den Befehl dieses Laufs als neuen Lauf wiederholen: dasselbe Arbeitsverzeichnis, dieselben Optionen und die Konfiguration, wie sie gestartet wurde (trainyard runs rerun)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Replace chart images</source>
        <translation>Diagrammbilder ersetzen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) already in %1 would be replaced:
%2</source>
        <translation>
            <numerusform>%n Datei in %1 würde ersetzt:
%2</numerusform>
            <numerusform>%n Dateien in %1 würden ersetzt:
%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n chart(s) written to %1</source>
        <translation>
            <numerusform>%n Diagramm nach %1 geschrieben</numerusform>
            <numerusform>%n Diagramme nach %1 geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Charts as &amp;PNG...</source>
        <translation>Diagramme als &amp;PNG...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charts as S&amp;VG...</source>
        <translation>Diagramme als S&amp;VG...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Raw points as CSV...</source>
        <translation>&amp;Rohdaten als CSV...</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Raw points</source>
        <translation>Rohdaten</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Raw points as &amp;JSONL...</source>
        <translation>Rohdaten als &amp;JSONL...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Buckets on screen as CSV...</source>
        <translation>Angezeigte &amp;Buckets als CSV...</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>Written: %1</source>
        <translation>Geschrieben: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Loading metrics...</source>
        <translation>Metriken werden geladen …</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 (smoothed)</source>
        <translation>%1 (geglättet)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>incomplete: %1</source>
        <translation>unvollständig: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exit code %1 (rank %2)</source>
        <translation>Exit-Code %1 (Rang %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>started %1</source>
        <translation>gestartet %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>duration %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Command: %1</source>
        <translation>Befehl: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parameters: %1</source>
        <translation>Parameter: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>compare-%1</source>
        <translation>vergleich-%1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Cannot stop the run: %1</source>
        <translation>Der Lauf kann nicht beendet werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopping the run...</source>
        <translation>Der Lauf wird beendet...</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot ask for the stacks: %1</source>
        <translation>Die Stacks können nicht angefordert werden: %1</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>the run is not running on this machine</source>
        <translation>der Lauf läuft nicht auf diesem Rechner</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Cannot read the run database: %1</source>
        <translation>Die Laufdatenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+282"/>
        <source>rank %1 silent for %2 s</source>
        <translation>Rang %1 seit %2 s stumm</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n metric(s); drag to pan, wheel to zoom, double-click for all.</source>
        <translation>
            <numerusform>%n Metrik; ziehen zum Verschieben, Mausrad zum Zoomen, Doppelklick für alles.</numerusform>
            <numerusform>%n Metriken; ziehen zum Verschieben, Mausrad zum Zoomen, Doppelklick für alles.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+186"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="-186"/>
        <location line="+187"/>
        <source>seconds since start</source>
        <translation>Sekunden seit Start</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>rank %1</source>
        <translation>Rank %1</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>mean of %n rank(s)</source>
        <translation>
            <numerusform>Mittel von %n Rang</numerusform>
            <numerusform>Mittel von %n Rängen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="-480"/>
        <location line="+486"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-545"/>
        <source>Asked every Python rank for its stacks...</source>
        <translation>Alle Python-Ränge wurden nach ihren Stacks gefragt …</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No Python rank answered: none registered for stack dumps (C++ ranks, or ranks still starting). Files would be in %1.</source>
        <translation>Kein Python-Rang hat geantwortet: keiner ist für Stack-Dumps registriert (C++-Ränge, oder Ränge, die noch starten). Die Dateien lägen in %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Python stacks of %n rank(s), also in %1/stacks-rank-N.txt</source>
        <translation>
            <numerusform>Python-Stacks von %n Rang, auch in %1/stacks-rank-N.txt</numerusform>
            <numerusform>Python-Stacks von %n Rängen, auch in %1/stacks-rank-N.txt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Python stacks</source>
        <translation>Python-Stacks</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rank %1</source>
        <translation>Rang %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each rank&apos;s dumps are kept in %1/stacks-rank-N.txt.</source>
        <translation>Die Dumps jedes Rangs bleiben in %1/stacks-rank-N.txt.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No metrics were logged.</source>
        <translation>Es wurden keine Metriken geloggt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the first metrics (from accelerate, Trainer, Lightning, TensorBoard or TrainyardTracker)...</source>
        <translation>Warten auf die ersten Metriken (von accelerate, Trainer, Lightning, TensorBoard oder TrainyardTracker) …</translation>
    </message>
    <message>
        <location line="+449"/>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <location line="-574"/>
        <location line="+639"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>trainyard::RunText</name>
    <message>
        <location filename="../engine/launch/runcontroller.cpp" line="-382"/>
        <source>failed to start</source>
        <translation>Start fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>killed by %1</source>
        <translation>durch %1 beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>the launcher was closed during the run</source>
        <translation>der Launcher wurde während des Laufs geschlossen</translation>
    </message>
    <message>
        <location line="+357"/>
        <source>trainyard: cannot start %1: %2</source>
        <translation>trainyard: %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>rank %1 printed and logged nothing for %2 s</source>
        <translation>Rang %1 hat seit %2 s nichts ausgegeben und nichts geloggt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>rank %1: %2</source>
        <translation>Rang %1: %2</translation>
    </message>
</context>
<context>
    <name>trainyard::RunsGroupModel</name>
    <message>
        <location filename="../widgets/runsgroupmodel.cpp" line="+115"/>
        <source>no %1</source>
        <translation>kein %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 · %n run(s): %2</source>
        <translation>
            <numerusform>%1 · %n Lauf: %2</numerusform>
            <numerusform>%1 · %n Läufe: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trainyard::RunsModel</name>
    <message>
        <location filename="../widgets/runsmodel.cpp" line="+128"/>
        <source>the import failed</source>
        <translation>der Import ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>queued</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopping</source>
        <translation>wird beendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1, incomplete</source>
        <translation>%1, unvollständig</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 on %2, exit code %3
%4</source>
        <translation>%1 auf %2, Exit-Code %3
%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incomplete: %1</source>
        <translation>Unvollständig: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Parameter %1, as the run logged it</source>
        <translation>Parameter %1, wie der Lauf ihn protokolliert hat</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latest</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>trainyard::SessionText</name>
    <message>
        <location filename="../launch/launchsession.cpp" line="+148"/>
        <source>%1; the run&apos;s outcome could not be kept either (%2)</source>
        <translation>%1; auch das Ergebnis des Laufs konnte nicht festgehalten werden (%2)</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>cannot create the run folder %1</source>
        <translation>der Lauf-Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+5"/>
        <source>cannot open the run database %1</source>
        <translation>die Laufdatenbank %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>run %1 is not in %2 (it is created by `trainyard launch --slurm` or `trainyard queue add`)</source>
        <translation>Lauf %1 ist nicht in %2 (ihn legen `trainyard launch --slurm` oder `trainyard queue add` an)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run %1 is %2, not queued: it was started already</source>
        <translation>Lauf %1 ist %2, nicht eingereiht: er wurde schon gestartet</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot record the run in %1: %2</source>
        <translation>der Lauf kann nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot start the metrics server: %1</source>
        <translation>der Metrik-Server kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>cannot reserve the run&apos;s outcome file: %1</source>
        <translation>die Ergebnisdatei des Laufs kann nicht reserviert werden: %1</translation>
    </message>
</context>
<context>
    <name>trainyard::SettingsDialog</name>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="+94"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A SQLite file, or a PostgreSQL server shared by a team: postgresql://USER@HOST:PORT/DATABASE (keep the password in ~/.pgpass: these settings are a plain file)</source>
        <translation>Eine SQLite-Datei oder ein PostgreSQL-Server, den ein Team teilt: postgresql://USER@HOST:PORT/DATABASE (das Passwort gehört in ~/.pgpass: diese Einstellungen sind eine einfache Datei)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run database</source>
        <translation>Laufdatenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQLite database (*.db)</source>
        <translation>SQLite-Datenbank (*.db)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run &amp;database:</source>
        <translation>Lauf&amp;datenbank:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TRAINYARD_DB is set in the environment and takes precedence: %1</source>
        <translation>TRAINYARD_DB ist in der Umgebung gesetzt und hat Vorrang: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies when the studio starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start des Studios.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the system</source>
        <translation>Dem System folgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
</context>
<context>
    <name>trainyard::SlurmSubmitText</name>
    <message>
        <location filename="../launch/slurmsubmit.cpp" line="+50"/>
        <source>cannot create the run folder %1</source>
        <translation>der Lauf-Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot open the run database %1</source>
        <translation>die Laufdatenbank %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot record the run in %1: %2</source>
        <translation>der Lauf kann nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sbatch: %1</source>
        <translation>sbatch: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Slurm refused the job: %1</source>
        <translation>Slurm hat den Job abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>trainyard::StoreText</name>
    <message>
        <location filename="../trackers/store.cpp" line="+392"/>
        <source>cannot make the run database&apos;s tables: %1</source>
        <translation>die Tabellen der Laufdatenbank können nicht angelegt werden: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the server&apos;s run database has schema version %1; this Trainyard reads version %2</source>
        <translation>die Lauf-Datenbank des Servers hat Schemaversion %1; dieses Trainyard liest Version %2</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>%1: the run database is damaged (%2)</source>
        <translation>%1: die Laufdatenbank ist beschädigt (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: not a Trainyard run database (%2)</source>
        <translation>%1: keine Trainyard-Laufdatenbank (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: cannot write the run database (%2); check the file&apos;s and its folder&apos;s permissions</source>
        <translation>%1: die Laufdatenbank kann nicht geschrieben werden (%2); prüfen Sie die Rechte der Datei und ihres Ordners</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: not a file (%2); the run database must be a file</source>
        <translation>%1: keine Datei (%2); die Laufdatenbank muss eine Datei sein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a pipe</source>
        <translation>eine Pipe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a device or socket</source>
        <translation>ein Gerät oder Socket</translation>
    </message>
    <message>
        <location line="+306"/>
        <source>no run %1 in the database</source>
        <translation>kein Lauf %1 in der Datenbank</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the run is still %1; stop it first</source>
        <translation>der Lauf ist noch %1; stoppen Sie ihn zuerst</translation>
    </message>
    <message>
        <location line="+246"/>
        <source>%1: no such database</source>
        <translation>%1: keine solche Datenbank</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: schema version %2 is newer than this Trainyard supports (%3)</source>
        <translation>%1: Schemaversion %2 ist neuer, als dieses Trainyard unterstützt (%3)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: the run database is damaged (%2); what was read before the damage may be incomplete</source>
        <translation>%1: die Laufdatenbank ist beschädigt (%2); was vor der beschädigten Stelle gelesen wurde, ist möglicherweise unvollständig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n point(s) and the run&apos;s end could not be stored (%1)</source>
        <translation>
            <numerusform>%n Punkt und das Ende des Laufs konnten nicht gespeichert werden (%1)</numerusform>
            <numerusform>%n Punkte und das Ende des Laufs konnten nicht gespeichert werden (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the run&apos;s end could not be stored (%1)</source>
        <translation>das Ende des Laufs konnte nicht gespeichert werden (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n point(s) dropped by the trackers</source>
        <translation>
            <numerusform>%n Punkt von den Trackern verworfen</numerusform>
            <numerusform>%n Punkte von den Trackern verworfen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the tracker of rank(s) %1 never said it finished: its last points may be missing</source>
        <translation>der Tracker von Rang %1 hat nie gemeldet, dass er fertig ist: seine letzten Punkte fehlen vielleicht</translation>
    </message>
</context>
<context>
    <name>trainyard::StudioText</name>
    <message>
        <location filename="../app/studio/main.cpp" line="+29"/>
        <source>Trainyard Studio: configure, launch, watch and compare PyTorch training runs.</source>
        <translation>Trainyard Studio: PyTorch-Trainingsläufe konfigurieren, starten, beobachten und vergleichen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accelerate configs (YAML or JSON) to open</source>
        <translation>zu öffnende accelerate-Konfigurationen (YAML oder JSON)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the charts of the run with this id.</source>
        <translation>Die Diagramme des Laufs mit dieser ID öffnen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overlay these runs and list what differs.</source>
        <translation>Diese Läufe überlagern und ihre Unterschiede auflisten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Estimate the memory of a model (a folder, config.json or safetensors).</source>
        <translation>Den Speicherbedarf eines Modells schätzen (ein Ordner, config.json oder safetensors).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open run charts with this smoothing weight (0 to 0.999).</source>
        <translation>Laufdiagramme mit diesem Glättungsgewicht öffnen (0 bis 0.999).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the window to PNG once shown, then quit.</source>
        <translation>Das Fenster nach dem Anzeigen als PNG speichern, dann beenden.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>`trainyard-studio --help` lists the options.</source>
        <translation>`trainyard-studio --help` listet die Optionen auf.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--smoothing takes a number from 0 to 0.999</source>
        <translation>--smoothing erwartet eine Zahl von 0 bis 0.999</translation>
    </message>
</context>
<context>
    <name>trainyard::SweepModel</name>
    <message>
        <location filename="../widgets/sweepmodel.cpp" line="+131"/>
        <source>%1 (best)</source>
        <translation>%1 (bester)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Trial</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The trainyard program or the sweep file was not found.</source>
        <translation>Das Programm trainyard oder die Sweep-Datei wurde nicht gefunden.</translation>
    </message>
</context>
<context>
    <name>trainyard::SweepText</name>
    <message>
        <location filename="../launch/sweep.cpp" line="+136"/>
        <source>cannot read the sweep file: %1</source>
        <translation>die Sweep-Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a sweep configuration is a mapping (program, method, parameters, ...)</source>
        <translation>eine Sweep-Konfiguration ist eine Zuordnung (program, method, parameters, ...)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown key &apos;%1&apos; (a sweep has %2)</source>
        <translation>unbekannter Schlüssel „%1“ (ein Sweep hat %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>method must be grid, random or bayes (it is &apos;%1&apos;)</source>
        <translation>method muss grid, random oder bayes sein (sie ist „%1“)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>metric.goal must be minimize or maximize</source>
        <translation>metric.goal muss minimize oder maximize sein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>metric is a mapping: name and goal</source>
        <translation>metric ist eine Zuordnung: name und goal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the bayes method needs metric.name, the value it optimises</source>
        <translation>die Methode bayes braucht metric.name, den Wert, den sie optimiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run_cap is a number of runs, at least 1</source>
        <translation>run_cap ist eine Anzahl von Läufen, mindestens 1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>command is a list of words, e.g. [${env}, ${interpreter}, ${program}, ${args}]</source>
        <translation>command ist eine Liste von Wörtern, z. B. [${env}, ${interpreter}, ${program}, ${args}]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>early_terminate.type: only hyperband is known</source>
        <translation>early_terminate.type: nur hyperband ist bekannt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>hyperband needs min_iter, or max_iter and s</source>
        <translation>hyperband braucht min_iter oder max_iter und s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hyperband&apos;s eta must be greater than 1</source>
        <translation>eta von hyperband muss größer als 1 sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>early termination needs metric.name</source>
        <translation>vorzeitiges Beenden braucht metric.name</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>parameters is a mapping of names to their values or distributions</source>
        <translation>parameters ordnet Namen ihre Werte oder Verteilungen zu</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+36"/>
        <source>parameter %1: give value, values, or min and max</source>
        <translation>Parameter %1: value, values oder min und max angeben</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>parameter %1: nested parameters are not supported</source>
        <translation>Parameter %1: verschachtelte Parameter werden nicht unterstützt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>parameter %1: values is empty</source>
        <translation>Parameter %1: values ist leer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>parameter %1: probabilities must be one per value and add up to 1</source>
        <translation>Parameter %1: probabilities braucht einen Wert je Eintrag, zusammen 1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>parameter %1: min is greater than max</source>
        <translation>Parameter %1: min ist größer als max</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>parameter %1: unknown distribution &apos;%2&apos;</source>
        <translation>Parameter %1: unbekannte Verteilung „%2“</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>parameter %1: %2 needs min and max above 0</source>
        <translation>Parameter %1: %2 braucht min und max über 0</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the sweep names no program (program: train.py)</source>
        <translation>der Sweep nennt kein Programm (program: train.py)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1:%2: parameter %3 (%4) has no finite set of values for a grid: give values</source>
        <translation>%1:%2: Parameter %3 (%4) hat keine endliche Wertemenge für ein Gitter: values angeben</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the grid has more than 100000 combinations</source>
        <translation>das Gitter hat mehr als 100000 Kombinationen</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>the command uses ${program}, and the sweep names no program</source>
        <translation>der Befehl benutzt ${program}, aber der Sweep nennt kein Programm</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the command gives nothing to run</source>
        <translation>der Befehl nennt nichts, das laufen könnte</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>no sweep %1 in %2</source>
        <translation>kein Sweep %1 in %2</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>a %1 sweep runs until it is told how many trials: give --trials N (or run_cap in the file)</source>
        <translation>ein %1-Sweep läuft, bis ihm die Zahl der Versuche gesagt wird: --trials N angeben (oder run_cap in der Datei)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1:%2: the bayes method (Optuna) takes uniform, log-uniform, q- and int-uniform and categorical parameters; %3 is %4</source>
        <translation>%1:%2: die Methode bayes (Optuna) nimmt uniform-, log-uniform-, q- und int-uniform- und kategorische Parameter; %3 ist %4</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the Optuna helper (%1) did not answer: %2</source>
        <translation>der Optuna-Helfer (%1) antwortete nicht: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the trials wait in the queue that %1 serves</source>
        <translation>die Versuche warten in der Warteschlange, die %1 bedient</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>the Optuna helper stopped answering: %1</source>
        <translation>der Optuna-Helfer antwortet nicht mehr: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>the run database %1 is gone; the sweep ends</source>
        <translation>die Laufdatenbank %1 ist verschwunden; der Sweep endet</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>cannot queue trial %1: %2</source>
        <translation>Versuch %1 kann nicht eingereiht werden: %2</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>hyperband: %1 = %2 at iteration %3, outside the best 1/%4 (%5)</source>
        <translation>hyperband: %1 = %2 bei Iteration %3, außerhalb des besten 1/%4 (%5)</translation>
    </message>
</context>
<context>
    <name>trainyard::SweepView</name>
    <message>
        <location filename="../widgets/sweepview.cpp" line="+41"/>
        <source>&amp;More Trials...</source>
        <translation>&amp;Weitere Versuche...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top Sweep</source>
        <translation>Sweep &amp;beenden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Queue more trials of this sweep (trainyard sweep FILE --continue ID --trials N)</source>
        <translation>Weitere Versuche dieses Sweeps einreihen (trainyard sweep DATEI --continue ID --trials N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the waiting trials off the queue and stop the running ones (SIGINT: they end cancelled, their points kept)</source>
        <translation>Wartende Versuche aus der Warteschlange nehmen und laufende anhalten (SIGINT: sie enden abgebrochen, ihre Punkte bleiben)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>More trials</source>
        <translation>Weitere Versuche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How many more trials?</source>
        <translation>Wie viele weitere Versuche?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>trial</source>
        <translation>Versuch</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%1: %2, %3 %4 · %n trial(s)</source>
        <translation>
            <numerusform>%1: %2, %3 %4 · %n Versuch</numerusform>
            <numerusform>%1: %2, %3 %4 · %n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 running, %2 waiting</source>
        <translation>%1 laufen, %2 warten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>best: trial %1, %2 = %3</source>
        <translation>bester: Versuch %1, %2 = %3</translation>
    </message>
</context>
<context>
    <name>trainyard::cli::AgentCliText</name>
    <message>
        <location filename="../app/cli/agentcommand.cpp" line="+27"/>
        <source>trainyard agent: takes no arguments (a launch with --hostfile or --hosts starts it and speaks to it on stdin and stdout)</source>
        <translation>trainyard agent: nimmt keine Argumente (ein Start mit --hostfile oder --hosts startet ihn und kommuniziert mit ihm über stdin und stdout)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard agent: the node agent of multi-machine launches, waiting for a launcher on stdin (`trainyard launch --hostfile FILE ...` starts it)</source>
        <translation>trainyard agent: der Knoten-Agent für Starts auf mehreren Rechnern, wartet auf stdin auf einen Launcher (`trainyard launch --hostfile FILE ...` startet ihn)</translation>
    </message>
</context>
<context>
    <name>trainyard::cli::CliText</name>
    <message>
        <location filename="../app/cli/commands.cpp" line="+68"/>
        <source>trainyard config init: unexpected argument %1</source>
        <translation>trainyard config init: unerwartetes Argument %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: a config already exists there; pass --force to replace it</source>
        <translation>%1: dort existiert bereits eine Konfiguration; übergeben Sie --force, um sie zu ersetzen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>trainyard config init: %1</source>
        <translation>trainyard config init: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>configuration saved at %1</source>
        <translation>Konfiguration gespeichert unter %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard config validate: give at least one FILE</source>
        <translation>trainyard config validate: geben Sie mindestens eine Datei (FILE) an</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 file(s) checked: %2 error(s), %3 warning(s)</source>
        <translation>%1 Datei(en) geprüft: %2 Fehler, %3 Warnung(en)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--format takes yaml or json</source>
        <translation>--format erwartet yaml oder json</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>trainyard config show: unexpected argument %1</source>
        <translation>trainyard config show: unerwartetes Argument %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>trainyard config show: give a FILE</source>
        <translation>trainyard config show: geben Sie eine Datei (FILE) an</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>trainyard config update: give one FILE</source>
        <translation>trainyard config update: geben Sie genau eine Datei (FILE) an</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: not rewritten; fix the errors first</source>
        <translation>%1: nicht neu geschrieben; beheben Sie zuerst die Fehler</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>configuration updated at %1</source>
        <translation>Konfiguration aktualisiert unter %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>trainyard launch: %1</source>
        <translation>trainyard launch: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>`trainyard launch --help` lists the flags.</source>
        <translation>`trainyard launch --help` listet die Optionen auf.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>trainyard launch: --check needs --hostfile or --hosts</source>
        <translation>trainyard launch: --check braucht --hostfile oder --hosts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source># launcher: %1, %2 process(es) on %3 machine(s)</source>
        <translation># Launcher: %1, %2 Prozess(e) auf %3 Rechner(n)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source># ---- machine %1: %2</source>
        <translation># ---- Rechner %1: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy-and-paste the text below in your GitHub issue</source>
        <translation>Kopieren Sie den folgenden Text in Ihr GitHub-Issue</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>trainyard: unknown command %1
</source>
        <translation>trainyard: unbekannter Befehl %1
</translation>
    </message>
</context>
<context>
    <name>trainyard::cli::DbText</name>
    <message numerus="yes">
        <location filename="../app/cli/dbcommand.cpp" line="+26"/>
        <source>copied %n run(s) (%1 points) from %2 to %3
</source>
        <translation>
            <numerusform>%n Lauf (%1 Punkte) von %2 nach %3 kopiert
</numerusform>
            <numerusform>%n Läufe (%1 Punkte) von %2 nach %3 kopiert
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>left out %n run(s) %1 already holds: %2
</source>
        <translation>
            <numerusform>%n Lauf ausgelassen, den %1 schon hat: %2
</numerusform>
            <numerusform>%n Läufe ausgelassen, die %1 schon hat: %2
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>trainyard db copy: %1
</source>
        <translation>trainyard db copy: %1
</translation>
    </message>
</context>
<context>
    <name>trainyard::cli::EstimateCliText</name>
    <message>
        <location filename="../app/cli/estimatecommand.cpp" line="+189"/>
        <source>trainyard estimate-memory: unexpected argument %1</source>
        <translation>trainyard estimate-memory: unerwartetes Argument %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>trainyard estimate-memory: --max-memory: %1</source>
        <translation>trainyard estimate-memory: --max-memory: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>counts the untied LM head (%1 parameters), which accelerate estimate-memory leaves out because it sizes the base AutoModel</source>
        <translation>zählt den ungebundenen LM-Head mit (%1 Parameter), den accelerate estimate-memory auslässt, weil es das Basis-AutoModel misst</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Memory Usage for loading `%1`</source>
        <translation>Speicherbedarf zum Laden von `%1`</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parameters: %1 (%2)</source>
        <translation>Parameter: %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>largest layer: %1</source>
        <translation>größte Schicht: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>device_map (%1):</source>
        <translation>device_map (%1):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>training memory per GPU: %1, %2 GPU(s), mixed precision %3, batch %4 x %5 tokens</source>
        <translation>Trainingsspeicher pro GPU: %1, %2 GPU(s), Mixed Precision %3, Batch %4 x %5 Tokens</translation>
    </message>
    <message>
        <location line="-190"/>
        <location line="+201"/>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>per GPU</source>
        <translation>pro GPU</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>fits %1</source>
        <translation>passt in %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training memory per GPU for `%1`</source>
        <translation>Trainingsspeicher pro GPU für `%1`</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 GPU(s), mixed precision %2, batch %3 x %4 tokens, Adam</source>
        <translation>%1 GPU(s), Mixed Precision %2, Batch %3 x %4 Tokens, Adam</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>usage: trainyard estimate-memory MODEL [--json] [--dtype float32|float16|bfloat16|int8|int4]
       [--max-memory 0=8GiB,1=8GiB,cpu=64GiB] [--device-map auto|balanced|balanced_low_0|sequential]
       [--config_file F] [--batch-size N] [--seq-len L]
       [--strategies] [--num_processes N] [--mixed_precision no|fp16|bf16|fp8]</source>
        <translation>Aufruf: trainyard estimate-memory MODEL [--json] [--dtype float32|float16|bfloat16|int8|int4]
        [--max-memory 0=8GiB,1=8GiB,cpu=64GiB] [--device-map auto|balanced|balanced_low_0|sequential]
        [--config_file F] [--batch-size N] [--seq-len L]
        [--strategies] [--num_processes N] [--mixed_precision no|fp16|bf16|fp8]</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>fits on GPU 0 (%1) with %2 to spare</source>
        <translation>passt auf GPU 0 (%1), %2 bleiben frei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>does NOT fit on GPU 0 (%1): %2 short</source>
        <translation>passt NICHT auf GPU 0 (%1): %2 fehlen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>trainyard::cli::HelpText</name>
    <message>
        <location filename="../app/cli/help.cpp" line="+19"/>
        <source>
Exit codes: 0 success, 1 failure (errors found, a run that failed), 2 usage error.
</source>
        <translation>
Exit-Codes: 0 Erfolg, 1 Fehlschlag (Fehler gefunden, ein fehlgeschlagener Lauf), 2 Aufruffehler.
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>usage: trainyard &lt;command&gt; [options]

Configure, launch, watch and size PyTorch training runs (accelerate-compatible).

commands:
  config init [-o FILE] [--defaults] [--force]   accelerate&apos;s questionnaire, or detected defaults
  config validate FILE...                        FILE:LINE:COL: error|warning: message
  config show FILE [--format yaml|json]          the form accelerate holds after loading
  config update FILE                             rewrite in canonical form, atomically
  launch [FLAGS] SCRIPT [ARGS...]                start and supervise this machine&apos;s ranks
  runs list|show|diff|export|import|rm|tag|note the run database
  queue add|list|rm|move|pause|resume|run        queued runs, started as GPUs free up
  sweep FILE [--json] [--trials N] [FLAGS]       a W&amp;B sweep file&apos;s trials, on the queue
  estimate-memory MODEL [OPTIONS]                memory per device and the device map
  env                                            versions, devices, default config
  db copy FROM TO                                runs between a SQLite file and a PostgreSQL server

`trainyard COMMAND --help` (or `trainyard help COMMAND`) tells more; `trainyard --version` prints the version.
</source>
        <translation>Aufruf: trainyard &lt;Befehl&gt; [Optionen]

PyTorch-Trainingsläufe konfigurieren, starten, beobachten und dimensionieren (kompatibel mit accelerate).

Befehle:
  config init [-o FILE] [--defaults] [--force]   der Fragebogen von accelerate oder erkannte Vorgaben
  config validate FILE...                        FILE:LINE:COL: error|warning: Meldung
  config show FILE [--format yaml|json]          die Form, die accelerate nach dem Laden hält
  config update FILE                             in kanonischer Form neu schreiben, atomar
  launch [FLAGS] SCRIPT [ARGS...]                die Ränge dieses Rechners starten und überwachen
  runs list|show|diff|export|import|rm|tag|note die Laufdatenbank
  queue add|list|rm|move|pause|resume|run        eingereihte Läufe, gestartet, sobald GPUs frei werden
  sweep FILE [--json] [--trials N] [FLAGS]       die Versuche einer W&amp;B-Sweep-Datei, über die Warteschlange
  estimate-memory MODEL [OPTIONS]                Speicher pro Gerät und die Device-Map
  env                                            Versionen, Geräte, Standardkonfiguration
  db copy FROM TO                                Läufe zwischen einer SQLite-Datei und einem PostgreSQL-Server

`trainyard COMMAND --help` (oder `trainyard help COMMAND`) sagt mehr; `trainyard --version` gibt die Version aus.
</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>usage: trainyard db copy FROM TO

Copies every run of FROM that TO lacks (by its id, the uid) with everything stored of it: its fields,
parameters, tags, log lines, every point of every series, system metrics, its queue entry. Runs get
new numbers in TO; a run TO already holds is left out and named. Each run is copied in one transaction.

FROM and TO: a SQLite file (made when TO does not exist), or a PostgreSQL server as libpq takes it:
postgresql://USER@HOST:PORT/DATABASE?sslmode=require (a password comes from PGPASSFILE or ~/.pgpass,
never from the command line). The run folders (logs, config) stay where they are.
</source>
        <translation>Aufruf: trainyard db copy FROM TO

Kopiert jeden Lauf aus FROM, der in TO fehlt (erkannt an seiner Kennung, der uid), mit allem, was von ihm
gespeichert ist: seinen Feldern, Parametern, Tags, Logzeilen, jedem Punkt jeder Reihe, Systemmetriken,
seinem Eintrag in der Warteschlange. Läufe bekommen in TO neue Nummern; ein Lauf, den TO schon hat, wird
ausgelassen und genannt. Jeder Lauf wird in einer Transaktion kopiert.

FROM und TO: eine SQLite-Datei (angelegt, wenn TO nicht existiert) oder ein PostgreSQL-Server, wie libpq ihn
nimmt: postgresql://USER@HOST:PORT/DATABASE?sslmode=require (ein Passwort kommt aus PGPASSFILE oder
~/.pgpass, nie von der Befehlszeile). Die Laufordner (Logs, Konfiguration) bleiben, wo sie sind.
</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>usage: trainyard config init [-o FILE] [--defaults] [--force]

Asks accelerate config&apos;s questions on the terminal (checked against the GPUs found here) and saves the answers, atomically.

  -o, --output FILE   where to save (default: accelerate&apos;s default config, $HF_HOME/accelerate/default_config.yaml)
  --defaults          no questions: a config for the detected hardware
  --force             replace an existing file
</source>
        <translation>Aufruf: trainyard config init [-o FILE] [--defaults] [--force]

Stellt die Fragen von accelerate config im Terminal (geprüft an den hier gefundenen GPUs) und speichert die Antworten atomar.

  -o, --output FILE   Speicherort (Vorgabe: die Standardkonfiguration von accelerate, $HF_HOME/accelerate/default_config.yaml)
  --defaults          keine Fragen: eine Konfiguration für die erkannte Hardware
  --force             eine vorhandene Datei ersetzen
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>usage: trainyard config validate FILE...

Checks configs as accelerate would read them and prints one line per problem: FILE:LINE:COL: error|warning: message.
</source>
        <translation>Aufruf: trainyard config validate FILE...

Prüft Konfigurationen so, wie accelerate sie lesen würde, und gibt eine Zeile pro Problem aus: FILE:LINE:COL: error|warning: Meldung.
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>usage: trainyard config show FILE [--format yaml|json]

Prints the config in canonical form: what accelerate holds after loading it (migrations and defaults applied).
</source>
        <translation>Aufruf: trainyard config show FILE [--format yaml|json]

Gibt die Konfiguration in kanonischer Form aus: was accelerate nach dem Laden hält (mit angewendeten Migrationen und Vorgaben).
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>usage: trainyard config update FILE

Rewrites the file in canonical form, atomically (refused while it has errors).
</source>
        <translation>Aufruf: trainyard config update FILE

Schreibt die Datei atomar in kanonischer Form neu (abgelehnt, solange sie Fehler enthält).
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>usage: trainyard config init|validate|show|update ...

  init       accelerate&apos;s questionnaire, or detected defaults
  validate   check configs: FILE:LINE:COL: error|warning: message
  show       the canonical form accelerate holds after loading
  update     rewrite in canonical form, atomically

`trainyard config SUBCOMMAND --help` tells more.
</source>
        <translation>Aufruf: trainyard config init|validate|show|update ...

  init       der Fragebogen von accelerate oder erkannte Vorgaben
  validate   Konfigurationen prüfen: FILE:LINE:COL: error|warning: Meldung
  show       die kanonische Form, die accelerate nach dem Laden hält
  update     in kanonischer Form neu schreiben, atomar

`trainyard config SUBCOMMAND --help` sagt mehr.
</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>  --db PATH   the run database that holds the queue (default: $TRAINYARD_DB, else $XDG_DATA_HOME/trainyard/trainyard.db)
</source>
        <translation>  --db PFAD   die Laufdatenbank mit der Warteschlange (Vorgabe: $TRAINYARD_DB, sonst $XDG_DATA_HOME/trainyard/trainyard.db)
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>usage: trainyard queue add [--gpus N] [--cpu-slots N] [--name NAME] [launch flags] SCRIPT [ARGS...]

Records a run as queued (it shows in `runs list` and the studio at once) and prints its id. It starts, with the working directory and environment it was queued with, when `trainyard queue run` finds what it asks for free.

  --gpus N        the run takes N GPUs of the pool; its ranks see CUDA_VISIBLE_DEVICES set to their ids (without --num_processes: one rank per GPU)
  --cpu-slots N   without --gpus: the CPU slots it takes (default 1); its ranks see no GPU
  launch flags    any of `trainyard launch` (--config_file, --hosts, --env, --name, ...), checked now; a --hosts run takes its machines
</source>
        <translation>Aufruf: trainyard queue add [--gpus N] [--cpu-slots N] [--name NAME] [Launch-Optionen] SKRIPT [ARGUMENTE...]

Legt einen Lauf als eingereiht an (er steht sofort in `runs list` und im Studio) und gibt seine ID aus. Er startet mit dem Arbeitsverzeichnis und der Umgebung, mit denen er eingereiht wurde, sobald `trainyard queue run` frei findet, was er braucht.

  --gpus N        der Lauf belegt N GPUs des Vorrats; seine Ränge sehen CUDA_VISIBLE_DEVICES mit deren Nummern (ohne --num_processes: ein Rang je GPU)
  --cpu-slots N   ohne --gpus: die CPU-Plätze, die er belegt (Vorgabe 1); seine Ränge sehen keine GPU
  Launch-Optionen jede von `trainyard launch` (--config_file, --hosts, --env, --name, ...), gleich geprüft; ein Lauf mit --hosts belegt seine Maschinen
</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>usage: trainyard queue run [--gpus LIST] [--cpu-slots N] [--until-empty] [--db PATH]

Starts queued runs, in order, as GPUs and CPU slots free up; runs that overlap in time never share a GPU id. The first run that does not fit holds back those behind it. Each run gets a launcher of its own: stopping or killing the runner leaves them running, and the next runner takes them over. One runner per database.

  --gpus LIST     the GPU pool, e.g. 0,1,2,3 (default: every GPU NVML sees); a GPU another program uses is not free
  --cpu-slots N   how many CPU slots runs without GPUs share (default 1)
  --until-empty   return when nothing waits and nothing started runs
</source>
        <translation>Aufruf: trainyard queue run [--gpus LISTE] [--cpu-slots N] [--until-empty] [--db PFAD]

Startet eingereihte Läufe der Reihe nach, sobald GPUs und CPU-Plätze frei werden; Läufe, die sich zeitlich überschneiden, teilen nie eine GPU-Nummer. Der erste Lauf, der nicht passt, hält die hinter ihm auf. Jeder Lauf bekommt einen eigenen Launcher: wird der Runner beendet oder getötet, laufen sie weiter, und der nächste Runner übernimmt sie. Ein Runner je Datenbank.

  --gpus LISTE    der GPU-Vorrat, z. B. 0,1,2,3 (Vorgabe: jede GPU, die NVML sieht); eine GPU, die ein anderes Programm nutzt, ist nicht frei
  --cpu-slots N   wie viele CPU-Plätze Läufe ohne GPU teilen (Vorgabe 1)
  --until-empty   zurückkehren, wenn nichts mehr wartet und kein gestarteter Lauf mehr läuft
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>usage: trainyard queue add|list|rm|move|pause|resume|run ...

  add [--gpus N] [launch flags] SCRIPT [ARGS...]   queue a run; prints its id
  list [--json] [--all]                          waiting (in order) and running runs; --all: finished ones too
  rm ID                                          remove a waiting run
  move ID --to N                                 make a waiting run the N-th to start
  pause | resume                                 stop or go on starting runs (what runs goes on)
  run [--gpus LIST] [--cpu-slots N] [--until-empty]   start runs as resources free up

</source>
        <translation>Aufruf: trainyard queue add|list|rm|move|pause|resume|run ...

  add [--gpus N] [Launch-Optionen] SKRIPT [ARGUMENTE...]   einen Lauf einreihen; gibt seine ID aus
  list [--json] [--all]                          wartende (in ihrer Reihenfolge) und laufende Läufe; --all: auch beendete
  rm ID                                          einen wartenden Lauf entfernen
  move ID --to N                                 einen wartenden Lauf als N-ten starten lassen
  pause | resume                                 keine neuen Läufe mehr starten bzw. wieder starten (Laufendes läuft weiter)
  run [--gpus LISTE] [--cpu-slots N] [--until-empty]   Läufe starten, sobald Ressourcen frei werden

</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>  --db PATH   the run database (default: $TRAINYARD_DB, else $XDG_DATA_HOME/trainyard/trainyard.db)
</source>
        <translation>  --db PATH   die Laufdatenbank (Vorgabe: $TRAINYARD_DB, sonst $XDG_DATA_HOME/trainyard/trainyard.db)
</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>usage: trainyard runs show ID [--json] [--db PATH]

One run: status, command, config, parameters, its metrics and their last values.

  --json      one JSON object
</source>
        <translation>Aufruf: trainyard runs show ID [--json] [--db PATH]

Ein Lauf: Status, Befehl, Konfiguration, Parameter, seine Metriken und ihre letzten Werte.

  --json      ein JSON-Objekt
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>usage: trainyard runs diff ID ID... [--json] [--db PATH]

What differs between runs: launch, config, parameters, last metric values.
</source>
        <translation>Aufruf: trainyard runs diff ID ID... [--json] [--db PATH]

Was sich zwischen Läufen unterscheidet: Start, Konfiguration, Parameter, letzte Metrikwerte.
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>usage: trainyard runs export ID [--format csv|jsonl] [--db PATH]

Every point of a run on standard output (default: csv).
</source>
        <translation>Aufruf: trainyard runs export ID [--format csv|jsonl] [--db PATH]

Alle Punkte eines Laufs auf der Standardausgabe (Vorgabe: csv).
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>usage: trainyard runs import PATH [--db PATH]

Runs from elsewhere, every point kept:
  a JSONL file written by trainyard_tracker outside a launch (or by runs export --format jsonl): one run;
  a TensorBoard logdir or event file: one run per folder that holds events.out.tfevents.* files, named by its path inside the logdir (scalars, hparams);
  an MLflow file store (mlruns/): every run with its metrics, params, tags, name and times.
A damaged record or a malformed metric line is skipped with a warning naming the file and offset or line; the rest is kept.
</source>
        <translation>Aufruf: trainyard runs import PATH [--db PATH]

Läufe von anderswo, mit allen Punkten:
  eine JSONL-Datei, die trainyard_tracker außerhalb eines Starts (oder runs export --format jsonl) geschrieben hat: ein Lauf;
  ein TensorBoard-Logdir oder eine Event-Datei: ein Lauf pro Ordner mit events.out.tfevents.*-Dateien, benannt nach seinem Pfad im Logdir (Skalare, hparams);
  ein MLflow-Dateispeicher (mlruns/): jeder Lauf mit seinen Metriken, Parametern, Tags, Namen und Zeiten.
Ein beschädigter Datensatz oder eine fehlerhafte Metrikzeile wird mit einer Warnung übersprungen, die die Datei und den Offset oder die Zeile nennt; der Rest bleibt erhalten.
</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>usage: trainyard runs rm ID [--db PATH]

Deletes a run: its rows, its points and its folder. A run whose launcher still runs is refused.
</source>
        <translation>Aufruf: trainyard runs rm ID [--db PATH]

Löscht einen Lauf: seine Zeilen, seine Punkte und seinen Ordner. Ein Lauf, dessen Launcher noch läuft, wird abgelehnt.
</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>usage: trainyard sweep FILE [--json] [--trials N] [--parallel N] [--seed S] [--gpus N] [--continue ID] [--db PATH] [launch flags]

Runs the trials of a W&amp;B sweep file (program, method grid|random|bayes, metric, parameters with value, values, min/max and distribution, command and its macros, early_terminate hyperband, run_cap). Each trial is a queued run with its parameters recorded on it; the objective is the last value of metric.name its rank 0 logged. The sweep serves the queue itself unless a `trainyard queue run` (or the studio) already does.

  --trials N     how many trials (random and bayes need it, or run_cap; grid: at most N of its combinations)
  --parallel N   trials at once (CPU slots of the sweep&apos;s runner; bayes: trials in flight)
  --seed S       the same trials again (random; bayes through Optuna&apos;s sampler)
  --gpus N       every trial takes N GPUs of the queue&apos;s pool
  --continue ID  N more trials of sweep ID (bayes learns from its trials so far)
  --json         last line: {&quot;sweep&quot;: ID, &quot;trials&quot;: [...], &quot;best&quot;: {&quot;run&quot;: ID, &quot;params&quot;: {...}, &quot;value&quot;: X}}
  launch flags   any of `trainyard launch`, given to every trial
bayes uses Optuna (Debian: python3-optuna). Ctrl-C stops the sweep: waiting trials leave the queue, running ones are stopped.
</source>
        <translation>Aufruf: trainyard sweep DATEI [--json] [--trials N] [--parallel N] [--seed S] [--gpus N] [--continue ID] [--db PFAD] [Launch-Optionen]

Führt die Versuche einer W&amp;B-Sweep-Datei aus (program, method grid|random|bayes, metric, parameters mit value, values, min/max und distribution, command und seine Makros, early_terminate hyperband, run_cap). Jeder Versuch ist ein eingereihter Lauf mit seinen Parametern; das Ziel ist der letzte Wert von metric.name, den sein Rang 0 aufzeichnete. Der Sweep bedient die Warteschlange selbst, wenn nicht schon ein `trainyard queue run` (oder das Studio) es tut.

  --trials N     wie viele Versuche (random und bayes brauchen es oder run_cap; grid: höchstens N seiner Kombinationen)
  --parallel N   Versuche gleichzeitig (CPU-Plätze des Runners des Sweeps; bayes: Versuche in Arbeit)
  --seed S       dieselben Versuche noch einmal (random; bayes über den Sampler von Optuna)
  --gpus N       jeder Versuch belegt N GPUs des Vorrats der Warteschlange
  --continue ID  N weitere Versuche des Sweeps ID (bayes lernt aus seinen bisherigen Versuchen)
  --json         letzte Zeile: {&quot;sweep&quot;: ID, &quot;trials&quot;: [...], &quot;best&quot;: {&quot;run&quot;: ID, &quot;params&quot;: {...}, &quot;value&quot;: X}}
  Launch-Optionen jede von `trainyard launch`, für jeden Versuch
bayes benutzt Optuna (Debian: python3-optuna). Strg-C beendet den Sweep: wartende Versuche verlassen die Warteschlange, laufende werden angehalten.
</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>usage: trainyard runs list [--json] [--filter QUERY] [--db PATH]

Every run, newest first: id, name, status, start, duration, exit code.

  --json      one JSON array
  --filter QUERY   only the runs that match every term of QUERY (the studio&apos;s runs filter):
      epochs=30 lr&gt;=1e-3 loss&lt;0.5   a parameter, else a metric (rank 0&apos;s last value), else a tag
      loss.min&lt;0.3 acc.max&gt;0.9      a metric&apos;s smallest or largest value
      status:failed name~bert host=gpu1 id=ID   the run&apos;s own fields
      params.lr=0.1 metrics.loss&lt;1 tags.git_branch=main note~ablation
      &quot;two words&quot; resnet              text in the name, id, status, parameters or tags
    operators = (or :) != &lt; &gt; &lt;= &gt;= ~ (contains); numbers compare as numbers, text in any case;
    a run without the key matches only !=.
</source>
        <translation>Aufruf: trainyard runs list [--json] [--filter QUERY] [--db PATH]

Alle Läufe, neueste zuerst: ID, Name, Status, Start, Dauer, Exit-Code.

  --json      ein JSON-Array
  --filter QUERY   nur die Läufe, auf die jeder Term von QUERY passt (der Filter der Laufliste im Studio):
      epochs=30 lr&gt;=1e-3 loss&lt;0.5   ein Parameter, sonst eine Metrik (letzter Wert von Rang 0), sonst ein Tag
      loss.min&lt;0.3 acc.max&gt;0.9      der kleinste oder größte Wert einer Metrik
      status:failed name~bert host=gpu1 id=ID   die eigenen Felder des Laufs
      params.lr=0.1 metrics.loss&lt;1 tags.git_branch=main note~ablation
      &quot;zwei Wörter&quot; resnet            Text im Namen, in der ID, im Status, in Parametern oder Tags
    Operatoren = (oder :) != &lt; &gt; &lt;= &gt;= ~ (enthält); Zahlen werden als Zahlen verglichen, Text ohne Groß-/Kleinschreibung;
    ein Lauf ohne den Schlüssel passt nur zu !=.
</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>usage: trainyard runs tag ID KEY=VALUE... [--db PATH]

Sets tags on a run (KEY= removes one); runs show, the filter and the studio see them.
</source>
        <translation>Aufruf: trainyard runs tag ID KEY=VALUE... [--db PATH]

Setzt Tags eines Laufs (KEY= entfernt eines); runs show, der Filter und das Studio sehen sie.
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>usage: trainyard runs note ID TEXT... [--db PATH]

A run&apos;s note (its &quot;note&quot; tag, editable in the studio&apos;s runs table); no TEXT removes it.
</source>
        <translation>Aufruf: trainyard runs note ID TEXT... [--db PATH]

Die Notiz eines Laufs (sein Tag &quot;note&quot;, in der Laufliste des Studios bearbeitbar); ohne TEXT wird sie entfernt.
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>usage: trainyard runs list|show|diff|export|import|rm|rerun|tag|note ...

  list                 every run, newest first
  show ID              one run
  diff ID ID...        what differs between runs
  export ID            its points as CSV or JSONL
  import PATH          runs from a JSONL file, a TensorBoard logdir, an mlruns/
  rm ID                delete a run that has ended
  rerun ID             launch a run again as it was launched
  tag ID KEY=VALUE...  set (or with KEY= remove) a run&apos;s tags
  note ID TEXT         a run&apos;s note

`trainyard runs SUBCOMMAND --help` tells more.
</source>
        <translation>Aufruf: trainyard runs list|show|diff|export|import|rm|rerun|tag|note ...

  list                 alle Läufe, neueste zuerst
  show ID              ein Lauf
  diff ID ID...        was sich zwischen Läufen unterscheidet
  export ID            seine Punkte als CSV oder JSONL
  import PATH          Läufe aus einer JSONL-Datei, einem TensorBoard-Logdir, einem mlruns/
  rm ID                einen beendeten Lauf löschen
  rerun ID             einen Lauf so erneut starten, wie er gestartet wurde
  tag ID KEY=VALUE...  Tags eines Laufs setzen (oder mit KEY= entfernen)
  note ID TEXT         die Notiz eines Laufs

`trainyard runs SUBCOMMAND --help` sagt mehr.
</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>usage: trainyard estimate-memory MODEL [--json] [--dtype D] [--max-memory SPEC]
                                 [--device-map STRATEGY] [--config_file F] [--batch-size N] [--seq-len L]
                                 [--strategies] [--num_processes N] [--mixed_precision M]

Memory of a model per dtype, training memory per GPU for a launch config, and the device_map accelerate&apos;s big-model inference would produce. MODEL is a folder, a config.json, a model.safetensors or a *.safetensors.index.json; only headers are read.

  --json                  one JSON object
  --dtype D               float32, float16, bfloat16, int8 or int4 (default: every one in the table)
  --max-memory SPEC       per device, e.g. 0=8GiB,1=8GiB,cpu=64GiB: prints the device map
  --device-map STRATEGY   auto, balanced, balanced_low_0 or sequential (default auto)
  --config_file F         the launch config the training estimate is for
  --batch-size N          per GPU (default 1)
  --seq-len L             tokens per sample (default 2048)
  --strategies            DDP, FSDP, FSDP with CPU offload, ZeRO-2 and ZeRO-3 side by side, term by term
  --num_processes N       GPUs over all machines (default: the config&apos;s, else 1)
  --mixed_precision M     no, fp16, bf16 or fp8 (default: the config&apos;s, else no)
</source>
        <translation>Aufruf: trainyard estimate-memory MODEL [--json] [--dtype D] [--max-memory SPEC]
                                  [--device-map STRATEGIE] [--config_file F] [--batch-size N] [--seq-len L]
                                  [--strategies] [--num_processes N] [--mixed_precision M]

Speicher eines Modells je dtype, Trainingsspeicher pro GPU für eine Launch-Konfiguration und die device_map, die accelerates Big-Model-Inferenz erzeugen würde. MODEL ist ein Ordner, eine config.json, eine model.safetensors oder eine *.safetensors.index.json; nur Header werden gelesen.

  --json                  ein JSON-Objekt
  --dtype D               float32, float16, bfloat16, int8 oder int4 (Vorgabe: alle in der Tabelle)
  --max-memory SPEC       je Gerät, z. B. 0=8GiB,1=8GiB,cpu=64GiB: gibt die Device-Map aus
  --device-map STRATEGIE  auto, balanced, balanced_low_0 oder sequential (Vorgabe auto)
  --config_file F         die Launch-Konfiguration, für die das Training geschätzt wird
  --batch-size N          pro GPU (Vorgabe 1)
  --seq-len L             Tokens pro Beispiel (Vorgabe 2048)
  --strategies            DDP, FSDP, FSDP mit CPU-Offload, ZeRO-2 und ZeRO-3 nebeneinander, Posten für Posten
  --num_processes N       GPUs über alle Rechner (Vorgabe: die der Konfiguration, sonst 1)
  --mixed_precision M     no, fp16, bf16 oder fp8 (Vorgabe: die der Konfiguration, sonst no)
</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>usage: trainyard env

Versions, devices and the default config, to paste into a bug report (like accelerate env).
</source>
        <translation>Aufruf: trainyard env

Versionen, Geräte und die Standardkonfiguration, zum Einfügen in einen Fehlerbericht (wie accelerate env).
</translation>
    </message>
</context>
<context>
    <name>trainyard::cli::QueueCliText</name>
    <message>
        <location filename="../app/cli/queuecommand.cpp" line="+59"/>
        <source>trainyard queue add: %1 needs a number</source>
        <translation>trainyard queue add: %1 braucht eine Zahl</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard queue add: %1 takes a whole number, not &apos;%2&apos;</source>
        <translation>trainyard queue add: %1 erwartet eine ganze Zahl, nicht „%2“</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+9"/>
        <location line="+27"/>
        <source>trainyard queue add: %1</source>
        <translation>trainyard queue add: %1</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>trainyard queue add: give the script or program to run</source>
        <translation>trainyard queue add: das Skript oder Programm fehlt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Slurm is a queue of its own: submit with `trainyard launch --slurm --detach` and it runs when Slurm starts it</source>
        <translation>Slurm ist selbst eine Warteschlange: mit `trainyard launch --slurm --detach` einreichen, der Lauf beginnt, wenn Slurm ihn startet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--dry-run, --check, --slurm-job and --queued-run are not queued</source>
        <translation>--dry-run, --check, --slurm-job und --queued-run werden nicht eingereiht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--gpu_ids: the queue chooses the GPU ids of a run that asks for --gpus</source>
        <translation>--gpu_ids: die Warteschlange wählt die GPU-Nummern eines Laufs mit --gpus</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--gpus counts this machine&apos;s GPUs; a run on --hosts machines takes those machines whole</source>
        <translation>--gpus zählt die GPUs dieser Maschine; ein Lauf auf --hosts-Maschinen belegt diese ganz</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>queued %1 (%2): %3 GPU(s), %4 rank(s)</source>
        <translation>eingereiht: %1 (%2): %3 GPU(s), %4 Rang/Ränge</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>queued %1 (%2): %3 CPU slot(s), no GPU (add --gpus N for GPUs)</source>
        <translation>eingereiht: %1 (%2): %3 CPU-Platz/Plätze, keine GPU (--gpus N für GPUs)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>queued %1 (%2): on %3</source>
        <translation>eingereiht: %1 (%2): auf %3</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+168"/>
        <source>trainyard queue: %1</source>
        <translation>trainyard queue: %1</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>the queue is paused: nothing new starts (trainyard queue resume)</source>
        <translation>die Warteschlange ist angehalten: nichts Neues startet (trainyard queue resume)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the queue is empty</source>
        <translation>die Warteschlange ist leer</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n GPU(s)</source>
        <translation>
            <numerusform>%n GPU</numerusform>
            <numerusform>%n GPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n slot(s)</source>
        <translation>
            <numerusform>%n Platz</numerusform>
            <numerusform>%n Plätze</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>trainyard queue run: --gpus takes distinct GPU ids such as 0,1,2,3, not &apos;%1&apos;</source>
        <translation>trainyard queue run: --gpus erwartet verschiedene GPU-Nummern wie 0,1,2,3, nicht „%1“</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>trainyard queue run: --cpu-slots takes a number of at least 1</source>
        <translation>trainyard queue run: --cpu-slots erwartet eine Zahl ab 1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>trainyard queue run: unknown option %1</source>
        <translation>trainyard queue run: unbekannte Option %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>started %1 (%2)</source>
        <translation>gestartet: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>started %1 (%2) on GPU(s) %3</source>
        <translation>gestartet: %1 (%2) auf GPU(s) %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2) %3</source>
        <translation>%1 (%2) %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>stopping the runner; the runs it started go on (the next `trainyard queue run` takes them over)</source>
        <translation>der Runner endet; die Läufe, die er startete, laufen weiter (der nächste `trainyard queue run` übernimmt sie)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard queue run: %1</source>
        <translation>trainyard queue run: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>serving %1: GPU pool %2%3, %n CPU slot(s)</source>
        <translation>
            <numerusform>bediene %1: GPU-Vorrat %2%3, %n CPU-Platz</numerusform>
            <numerusform>bediene %1: GPU-Vorrat %2%3, %n CPU-Plätze</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (the GPUs NVML sees)</source>
        <translation> (die GPUs, die NVML sieht)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the queue is empty
</source>
        <translation>die Warteschlange ist leer
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard queue: cannot open the run database %1</source>
        <translation>trainyard queue: die Laufdatenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the queue is paused: what runs goes on, nothing new starts</source>
        <translation>die Warteschlange ist angehalten: Laufendes läuft weiter, nichts Neues startet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the queue is resumed</source>
        <translation>die Warteschlange läuft wieder</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>trainyard queue: no queued run %1</source>
        <translation>trainyard queue: kein eingereihter Lauf %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard queue move: --to takes a position, 1 for next</source>
        <translation>trainyard queue move: --to erwartet eine Position, 1 für den nächsten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trainyard queue move: %1</source>
        <translation>trainyard queue move: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard queue rm: %1</source>
        <translation>trainyard queue rm: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>removed %1 from the queue</source>
        <translation>%1 aus der Warteschlange entfernt</translation>
    </message>
</context>
<context>
    <name>trainyard::cli::RunCliText</name>
    <message>
        <location filename="../app/cli/launchrun.cpp" line="+104"/>
        <source>trainyard launch: %1</source>
        <translation>trainyard launch: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>rank %1 stopped: %2</source>
        <translation>Rang %1 angehalten: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>; stopping the run</source>
        <translation>; der Lauf wird angehalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>restarting all ranks (restart %1 of %2) after %3</source>
        <translation>alle Ränge werden neu gestartet (Neustart %1 von %2) nach %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>stopping every rank (SIGTERM, then SIGKILL after %1 s)</source>
        <translation>alle Ränge werden angehalten (SIGTERM, dann SIGKILL nach %1 s)</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>trainyard launch: cannot set up signal handling</source>
        <translation>trainyard launch: die Signalbehandlung kann nicht eingerichtet werden</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>rank %1 on %2 stopped: %3</source>
        <translation>Rang %1 auf %2 angehalten: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>watchdog: rank %1 printed and logged nothing for %2 s%3%4</source>
        <translation>Watchdog: Rang %1 hat seit %2 s nichts ausgegeben und nichts geloggt%3%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; its Python stacks: %1</source>
        <translation>; seine Python-Stacks: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Python stacks of %n rank(s) appended to %1/stacks-rank-N.txt</source>
        <translation>
            <numerusform>Python-Stacks von %n Rang an %1/stacks-rank-N.txt angehängt</numerusform>
            <numerusform>Python-Stacks von %n Rängen an %1/stacks-rank-N.txt angehängt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no rank can dump its stacks (only Python ranks can, once started)</source>
        <translation>kein Rang kann seine Stacks ausgeben (nur Python-Ränge können das, sobald sie gestartet sind)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>second interrupt: killing every rank now</source>
        <translation>zweite Unterbrechung: alle Ränge werden jetzt beendet (kill)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interrupted (%1): stopping every rank; interrupt again to kill them</source>
        <translation>unterbrochen (%1): alle Ränge werden angehalten; erneut unterbrechen, um sie hart zu beenden (kill)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>[trainyard] %1 · ranks up %2/%3 · %4</source>
        <translation>[trainyard] %1 · Ränge aktiv %2/%3 · %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>rank %1 silent for %2 s</source>
        <translation>Rang %1 seit %2 s stumm</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>the run database cannot be written: %1; %n point(s) wait in memory and are written when it can be (nothing acknowledged is lost while this launcher runs)</source>
        <translation>
            <numerusform>die Laufdatenbank kann nicht geschrieben werden: %1; %n Punkt wartet im Speicher und wird geschrieben, sobald es geht (nichts Bestätigtes geht verloren, solange dieser Launcher läuft)</numerusform>
            <numerusform>die Laufdatenbank kann nicht geschrieben werden: %1; %n Punkte warten im Speicher und werden geschrieben, sobald es geht (nichts Bestätigtes geht verloren, solange dieser Launcher läuft)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the run database can be written again</source>
        <translation>die Laufdatenbank kann wieder geschrieben werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run %1: %2 rank(s) on %3 machine(s), logs in %4</source>
        <translation>Lauf %1: %2 Rang/Ränge auf %3 Rechner(n), Logs in %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>run %1: %2 rank(s) on this machine, logs in %3</source>
        <translation>Lauf %1: %2 Rang/Ränge auf diesem Rechner, Logs in %3</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the ranks have ended; trying for up to %1 s to store the run&apos;s last points and its end (TRAINYARD_RECORD_TIMEOUT)</source>
        <translation>die Ränge sind beendet; bis zu %1 s wird versucht, die letzten Punkte und das Ende des Laufs zu speichern (TRAINYARD_RECORD_TIMEOUT)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>run failed: rank %1, %2</source>
        <translation>Lauf fehlgeschlagen: Rang %1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run failed: rank %1 on %2, %3</source>
        <translation>Lauf fehlgeschlagen: Rang %1 auf %2, %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>last lines of rank %1&apos;s stderr:</source>
        <translation>letzte Zeilen von stderr des Rangs %1:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>run failed: %1</source>
        <translation>Lauf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run cancelled</source>
        <translation>Lauf abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run finished in %1</source>
        <translation>Lauf beendet nach %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n point(s) could not be stored; the run&apos;s outcome is kept in %1</source>
        <translation>
            <numerusform>%n Punkt konnte nicht gespeichert werden; das Ergebnis des Laufs steht in %1</numerusform>
            <numerusform>%n Punkte konnten nicht gespeichert werden; das Ergebnis des Laufs steht in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n point(s) could not be stored</source>
        <translation>
            <numerusform>%n Punkt konnte nicht gespeichert werden</numerusform>
            <numerusform>%n Punkte konnten nicht gespeichert werden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the run&apos;s record is incomplete: %1</source>
        <translation>der Datensatz des Laufs ist unvollständig: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>the metrics server refused %n connection(s): %1</source>
        <translation>
            <numerusform>der Metrik-Server hat %n Verbindung abgelehnt: %1</numerusform>
            <numerusform>der Metrik-Server hat %n Verbindungen abgelehnt: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>the run database was busy %n time(s) (%1); nothing acknowledged was lost</source>
        <translation>
            <numerusform>die Laufdatenbank war %n Mal belegt (%1); nichts Bestätigtes ging verloren</numerusform>
            <numerusform>die Laufdatenbank war %n Mal belegt (%1); nichts Bestätigtes ging verloren</numerusform>
        </translation>
    </message>
    <message>
        <location line="-37"/>
        <source>could not record the run in %1: %2</source>
        <translation>der Lauf konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>could not record the run: %1</source>
        <translation>der Lauf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>trainyard launch: --ssh: no command given</source>
        <translation>trainyard launch: --ssh: kein Befehl angegeben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: ready (hostname %2, address %3, trainyard %4, %5 ms)</source>
        <translation>%1: bereit (Hostname %2, Adresse %3, trainyard %4, %5 ms)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not ready: %1</source>
        <translation>nicht bereit: %1</translation>
    </message>
</context>
<context>
    <name>trainyard::cli::RunsText</name>
    <message>
        <location filename="../app/cli/runscommand.cpp" line="+105"/>
        <location line="+51"/>
        <location line="+323"/>
        <source>trainyard runs: %1</source>
        <translation>trainyard runs: %1</translation>
    </message>
    <message>
        <location line="-361"/>
        <source>trainyard runs: no run %1</source>
        <translation>trainyard runs: kein Lauf %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no runs yet (%1)
</source>
        <translation>noch keine Läufe (%1)
</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1  %2  %3  %4  %5  %6
</source>
        <translation>%1  %2  %3  %4  %5  %6
</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>trainyard runs list: --filter: %1</source>
        <translation>trainyard runs list: --filter: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STARTED</source>
        <translation>GESTARTET</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DURATION</source>
        <translation>DAUER</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LATEST</source>
        <translation>ZULETZT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trainyard runs list: no run matches %1</source>
        <translation>trainyard runs list: kein Lauf passt zu %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>* its record is incomplete (points dropped or not stored): runs show ID says what is missing
</source>
        <translation>* sein Datensatz ist unvollständig (Punkte verworfen oder nicht gespeichert): runs show ID sagt, was fehlt
</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>run %1 (%2)
</source>
        <translation>Lauf %1 (%2)
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  status:    %1 (rank %2 failed first, exit code %3)
</source>
        <translation>  Status:      %1 (Rang %2 schlug zuerst fehl, Exit-Code %3)
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  status:    %1 (exit code %2)
</source>
        <translation>  Status:      %1 (Exit-Code %2)
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  incomplete: %1
</source>
        <translation>  unvollständig: %1
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 killed by %2</source>
        <translation>%1 beendet durch %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 exit code %2</source>
        <translation>%1 Exit-Code %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  ranks:     %1
</source>
        <translation>  Ränge:       %1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  started:   %1, duration %2
</source>
        <translation>  Gestartet:   %1, Dauer %2
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  param %1 = %2
</source>
        <translation>  Param. %1 = %2
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  tag %1 = %2
</source>
        <translation>  Tag %1 = %2
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  %1 [rank %2]: %3 points, last %4 at step %5, min %6, max %7
</source>
        <translation>  %1 [Rang %2]: %3 Punkte, zuletzt %4 bei Schritt %5, Min. %6, Max. %7
</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>no differences
</source>
        <translation>keine Unterschiede
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>trainyard runs export: --format takes csv or jsonl</source>
        <translation>trainyard runs export: --format erwartet csv oder jsonl</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>trainyard runs export: %1</source>
        <translation>trainyard runs export: %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>trainyard runs rerun: run %1 was not started by `trainyard launch` (it was imported, or its record is gone), so there is nothing to run again</source>
        <translation>trainyard runs rerun: Lauf %1 wurde nicht von `trainyard launch` gestartet (er wurde importiert, oder sein Protokoll fehlt), es gibt nichts zu wiederholen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>trainyard runs rerun: the recorded command of %1 cannot be read: %2</source>
        <translation>trainyard runs rerun: der aufgezeichnete Befehl von %1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>trainyard runs rerun: the value of %1 (given with --env) is a secret and was not recorded; run `trainyard launch` with it again</source>
        <translation>trainyard runs rerun: der Wert von %1 (mit --env gegeben) ist geheim und wurde nicht aufgezeichnet; `trainyard launch` mit ihm erneut aufrufen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>trainyard runs rerun: the working directory of %1, %2, is gone</source>
        <translation>trainyard runs rerun: das Arbeitsverzeichnis von %1, %2, gibt es nicht mehr</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trainyard: running %1 again in %2: trainyard launch %3</source>
        <translation>trainyard: %1 erneut in %2: trainyard launch %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>trainyard runs tag: &apos;%1&apos; is not KEY=VALUE (KEY= removes a tag)</source>
        <translation>trainyard runs tag: &apos;%1&apos; ist nicht KEY=VALUE (KEY= entfernt ein Tag)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>usage: trainyard runs list [--json] [--filter QUERY] | show ID [--json] | diff ID ID... [--json] | export ID --format csv|jsonl | import PATH | rm ID | rerun ID | tag ID KEY=VALUE... | note ID TEXT   [--db PATH]</source>
        <translation>Aufruf: trainyard runs list [--json] [--filter QUERY] | show ID [--json] | diff ID ID... [--json] | export ID --format csv|jsonl | import PATH | rm ID | rerun ID | tag ID KEY=VALUE... | note ID TEXT   [--db PATH]</translation>
    </message>
    <message>
        <location line="-180"/>
        <source>trainyard runs import: %1</source>
        <translation>trainyard runs import: %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>imported %1 points as run %2 (%3)</source>
        <translation>%1 Punkte als Lauf %2 importiert (%3)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>  host:      %1
</source>
        <translation>  Host:        %1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  folder:    %1
  run dir:   %2
</source>
        <translation>  Ordner:      %1
  Lauf-Ordner: %2
</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>trainyard runs import: nothing in %1 could be imported</source>
        <translation>trainyard runs import: aus %1 konnte nichts importiert werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>trainyard runs rm: %1: %2</source>
        <translation>trainyard runs rm: %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>removed run %1</source>
        <translation>Lauf %1 entfernt</translation>
    </message>
</context>
<context>
    <name>trainyard::cli::SlurmCliText</name>
    <message>
        <location filename="../app/cli/slurmcommand.cpp" line="+57"/>
        <source>trainyard launch: %1</source>
        <translation>trainyard launch: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>run %1 submitted as Slurm job %2 (%n node(s)); batch script %3</source>
        <translation>
            <numerusform>Lauf %1 als Slurm-Job %2 eingereicht (%n Knoten); Batch-Skript %3</numerusform>
            <numerusform>Lauf %1 als Slurm-Job %2 eingereicht (%n Knoten); Batch-Skript %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>interrupted: cancelling job %1 (scancel); interrupt again to kill it</source>
        <translation>unterbrochen: Job %1 wird abgebrochen (scancel); erneut unterbrechen, um ihn hart zu beenden (kill)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>killing job %1</source>
        <translation>Job %1 wird hart beendet (kill)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>scancel: %1</source>
        <translation>scancel: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>job %1 pending (%2)</source>
        <translation>Job %1 wartet (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>job %1 pending</source>
        <translation>Job %1 wartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>job %1 running on %2</source>
        <translation>Job %1 läuft auf %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>gone</source>
        <translation>verschwunden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>job %1 ended: %2, exit code %3</source>
        <translation>Job %1 beendet: %2, Exit-Code %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <source>trainyard launch --slurm-job: %1</source>
        <translation>trainyard launch --slurm-job: %1</translation>
    </message>
</context>
<context>
    <name>trainyard::cli::SweepCliText</name>
    <message>
        <location filename="../app/cli/sweepcommand.cpp" line="+43"/>
        <source>trainyard sweep: %1 takes a whole number of at least %2, not &apos;%3&apos;</source>
        <translation>trainyard sweep: %1 erwartet eine ganze Zahl ab %2, nicht „%3“</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>trial %1 queued as %2: %3</source>
        <translation>Versuch %1 eingereiht als %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>trial %1 %2: %3 = %4</source>
        <translation>Versuch %1 %2: %3 = %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trial %1 %2%3</source>
        <translation>Versuch %1 %2%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (it logged no %1)</source>
        <translation> (er zeichnete kein %1 auf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trial %1 stopped early: %2</source>
        <translation>Versuch %1 vorzeitig beendet: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>interrupted: the waiting trials leave the queue and the running ones are stopped; interrupt again to leave them running</source>
        <translation>unterbrochen: wartende Versuche verlassen die Warteschlange, laufende werden angehalten; erneut unterbrechen, um sie laufen zu lassen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>trainyard sweep: %1</source>
        <translation>trainyard sweep: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %2 over %n parameter(s), %3 %4</source>
        <translation>
            <numerusform>%1: %2 über %n Parameter, %3 %4</numerusform>
            <numerusform>%1: %2 über %n Parameter, %3 %4</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>best: trial %1 (%2), %3 = %4: %5</source>
        <translation>bester: Versuch %1 (%2), %3 = %4: %5</translation>
    </message>
</context>
<context>
    <name>trainyard::compat</name>
    <message>
        <location filename="../engine/config/compat.cpp" line="+18"/>
        <source>the FSDP1 sharding strategy %1 is stored in fsdp_reshard_after_forward (where accelerate&apos;s questionnaire writes it); accelerate launch would run FULL_SHARD, Trainyard exports FSDP_SHARDING_STRATEGY=%1</source>
        <translation>die FSDP1-Sharding-Strategie %1 steht in fsdp_reshard_after_forward (wo der Fragebogen von accelerate sie ablegt); accelerate launch würde FULL_SHARD ausführen, Trainyard exportiert FSDP_SHARDING_STRATEGY=%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>accelerate launch drops %1; Trainyard exports it as %2</source>
        <translation>accelerate launch verwirft %1; Trainyard exportiert es als %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>accelerate launch would start %1 processes here only through mpirun; Trainyard starts the %2 ranks of this machine itself, with RANK, WORLD_SIZE and MASTER_ADDR for torch.distributed</source>
        <translation>accelerate launch würde hier %1 Prozesse nur über mpirun starten; Trainyard startet die %2 Ränge dieses Rechners selbst, mit RANK, WORLD_SIZE und MASTER_ADDR für torch.distributed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>accelerate launch ignores enable_cpu_affinity from the file (only --enable_cpu_affinity counts); Trainyard honours it and sets ACCELERATE_CPU_AFFINITY=1</source>
        <translation>accelerate launch ignoriert enable_cpu_affinity aus der Datei (nur --enable_cpu_affinity zählt); Trainyard berücksichtigt es und setzt ACCELERATE_CPU_AFFINITY=1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: accelerate&apos;s questionnaire writes this key, but accelerate launch reads %2 and loses the answer; Trainyard reads it as %2 (rename the key for accelerate)</source>
        <translation>%1: der Fragebogen von accelerate schreibt diesen Schlüssel, aber accelerate launch liest %2 und verliert die Antwort; Trainyard liest ihn als %2 (benennen Sie den Schlüssel für accelerate um)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>fp8_config.override_linear_precision is the text %1 (as accelerate 0.34 wrote it): accelerate launch would export its first three characters as the FPROP, DGRAD and WGRAD switches; Trainyard exports the booleans it spells (%2)</source>
        <translation>fp8_config.override_linear_precision ist der Text %1 (wie accelerate 0.34 ihn schrieb): accelerate launch würde seine ersten drei Zeichen als die Schalter FPROP, DGRAD und WGRAD exportieren; Trainyard exportiert die booleschen Werte, die er ausschreibt (%2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>distributed_type is NO but %1 processes were asked for: accelerate launch would start one process (its simple launcher ignores the count); Trainyard starts %1, each with RANK and WORLD_SIZE</source>
        <translation>distributed_type ist NO, aber %1 Prozesse wurden angefordert: accelerate launch würde einen Prozess starten (sein einfacher Launcher ignoriert die Anzahl); Trainyard startet %1, jeden mit RANK und WORLD_SIZE</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Note: %1 is also written as fsdp_sharding_strategy, the key accelerate launch reads (accelerate&apos;s own questionnaire writes only fsdp_reshard_after_forward, and accelerate launch would then run FULL_SHARD).</source>
        <translation>Hinweis: %1 wird auch als fsdp_sharding_strategy geschrieben, der Schlüssel, den accelerate launch liest (der eigene Fragebogen von accelerate schreibt nur fsdp_reshard_after_forward, und accelerate launch würde dann FULL_SHARD ausführen).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Note: the answers are written as amax_history_len and amax_compute_algo, the keys accelerate launch reads (accelerate&apos;s own questionnaire writes amax_history_length and amax_compute_algorithm, which its launch never reads, so they would be lost).</source>
        <translation>Hinweis: Die Antworten werden als amax_history_len und amax_compute_algo geschrieben, die Schlüssel, die accelerate launch liest (der eigene Fragebogen von accelerate schreibt amax_history_length und amax_compute_algorithm, die accelerate launch nie liest, sodass sie verloren gingen).</translation>
    </message>
</context>
<context>
    <name>trainyard::memory::EstimateText</name>
    <message>
        <location filename="../engine/memory/estimate.cpp" line="+127"/>
        <source>&apos;%1&apos; is not a size; write it with a unit, e.g. 8GiB or 500MB</source>
        <translation>&apos;%1&apos; ist keine Größe; schreiben Sie sie mit Einheit, z. B. 8GiB oder 500MB</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&apos;%1&apos; is not DEVICE=SIZE</source>
        <translation>&apos;%1&apos; hat nicht die Form DEVICE=SIZE</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>device &apos;%1&apos; is not a GPU index, cpu or disk</source>
        <translation>das Gerät &apos;%1&apos; ist weder ein GPU-Index noch cpu oder disk</translation>
    </message>
    <message>
        <location line="+407"/>
        <source>activations are not estimated for this model (no transformer layers found)</source>
        <translation>Aktivierungen werden für dieses Modell nicht geschätzt (keine Transformer-Schichten gefunden)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>gradient accumulation over %1 micro-batches keeps the memory of one micro-batch</source>
        <translation>Gradientenakkumulation über %1 Micro-Batches belegt den Speicher eines Micro-Batches</translation>
    </message>
</context>
<context>
    <name>trainyard::memory::ModelText</name>
    <message>
        <location filename="../engine/memory/model.cpp" line="+95"/>
        <source>%1 is %2; at most %3 is accepted</source>
        <translation>%1 ist %2; höchstens %3 wird akzeptiert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 must be a positive integer</source>
        <translation>%1 muss eine positive ganze Zahl sein</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 layers of %2 experts make %3 expert blocks; at most %4 are accepted</source>
        <translation>%1 Schichten mit je %2 Experten ergeben %3 Expertenblöcke; höchstens %4 werden angenommen</translation>
    </message>
    <message>
        <location line="+202"/>
        <source>%1 encoder and %2 decoder layers make %3; at most %4 are accepted</source>
        <translation>%1 Encoder- und %2 Decoder-Schichten ergeben %3; höchstens %4 werden angenommen</translation>
    </message>
    <message>
        <location line="+100"/>
        <location line="+69"/>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>not a JSON object: %1</source>
        <translation>kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>model_type &apos;%1&apos; is not supported; Trainyard knows %2 (or give the model&apos;s safetensors files)</source>
        <translation>model_type &apos;%1&apos; wird nicht unterstützt; Trainyard kennt %2 (oder geben Sie die safetensors-Dateien des Modells an)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this %1 model would have %2 tensors; at most %3 are estimated</source>
        <translation>dieses %1-Modell hätte %2 Tensoren; höchstens %3 werden geschätzt</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>header too small: the file has %1 bytes, fewer than the 8 of the header length</source>
        <translation>Header zu klein: die Datei hat %1 Bytes, weniger als die 8 der Header-Länge</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>header too large: it claims %1 bytes (the format allows 100,000,000)</source>
        <translation>Header zu groß: er gibt %1 Bytes an (das Format erlaubt 100.000.000)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>truncated: the header claims %1 bytes but the file has only %2 after the length</source>
        <translation>abgeschnitten: der Header gibt %1 Bytes an, aber die Datei hat nach der Länge nur %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the header does not start with &apos;{&apos;</source>
        <translation>der Header beginnt nicht mit &apos;{&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the header is not valid JSON at byte %1: %2</source>
        <translation>der Header ist bei Byte %1 kein gültiges JSON: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>tensor %1: unknown dtype &apos;%2&apos;</source>
        <translation>Tensor %1: unbekannter dtype &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tensor %1: bad shape</source>
        <translation>Tensor %1: ungültige Shape</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tensor %1: its shape has more elements than any file can hold</source>
        <translation>Tensor %1: seine Shape hat mehr Elemente, als eine Datei fassen kann</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>tensor %1: data_offsets must be [begin, end]</source>
        <translation>Tensor %1: data_offsets muss [begin, end] sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tensor %1: data_offsets end before they begin</source>
        <translation>Tensor %1: data_offsets enden, bevor sie beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tensor %1: misaligned slice (%2 elements of %3 bits)</source>
        <translation>Tensor %1: falsch ausgerichteter Abschnitt (%2 Elemente zu %3 Bit)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tensor %1: %2 bytes for shape %3 of %4, which needs %5</source>
        <translation>Tensor %1: %2 Bytes für Shape %3 von %4, das %5 braucht</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>tensor %1 starts at byte %2 of the data, leaving a gap after byte %3</source>
        <translation>Tensor %1 beginnt bei Byte %2 der Daten und lässt eine Lücke nach Byte %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tensor %1 overlaps the tensor before it (starts at %2, before %3)</source>
        <translation>Tensor %1 überlappt den Tensor davor (beginnt bei %2, vor %3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the tensors end at byte %1 but the file has %2 bytes%3</source>
        <translation>die Tensoren enden bei Byte %1, aber die Datei hat %2 Bytes%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (truncated)</source>
        <translation> (abgeschnitten)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>more than one *.safetensors.index.json: %1</source>
        <translation>mehr als eine *.safetensors.index.json: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no model.safetensors and no *.safetensors.index.json here</source>
        <translation>hier gibt es weder model.safetensors noch *.safetensors.index.json</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the index has no weight_map</source>
        <translation>der Index hat keine weight_map</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>tensor %1...: its name nests %2 levels deep; at most %3 are read</source>
        <translation>Tensor %1...: sein Name ist %2 Ebenen tief verschachtelt; höchstens %3 werden gelesen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>sizes come from the checkpoint&apos;s own dtypes; without config.json, no module is kept whole on one device</source>
        <translation>die Größen stammen aus den eigenen dtypes des Checkpoints; ohne config.json wird kein Modul als Ganzes auf einem Gerät gehalten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no such file or folder</source>
        <translation>keine solche Datei und kein solcher Ordner</translation>
    </message>
</context>
<context>
    <name>trainyard::pg::PgText</name>
    <message>
        <location filename="../trackers/pgconn.cpp" line="+83"/>
        <location line="+126"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>cannot connect to %1: %2</source>
        <translation>keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>trainyard::schema</name>
    <message>
        <location filename="../engine/config/schema.cpp" line="+83"/>
        <source>Where the run happens: this machine or Amazon SageMaker.</source>
        <translation>Wo der Lauf stattfindet: dieser Rechner oder Amazon SageMaker.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kind of distributed training: NO, MULTI_GPU (DDP), MULTI_CPU, FSDP, DEEPSPEED, MEGATRON_LM, XLA (TPU), ...</source>
        <translation>Die Art des verteilten Trainings: NO, MULTI_GPU (DDP), MULTI_CPU, FSDP, DEEPSPEED, MEGATRON_LM, XLA (TPU), ...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mixed precision mode; quote &apos;no&apos; in YAML.</source>
        <translation>Mixed-Precision-Modus; setzen Sie &apos;no&apos; in YAML in Anführungszeichen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train on the CPU even when accelerators are present.</source>
        <translation>Auf der CPU trainieren, auch wenn Beschleuniger vorhanden sind.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check distributed operations for errors (ACCELERATE_DEBUG_MODE).</source>
        <translation>Verteilte Operationen auf Fehler prüfen (ACCELERATE_DEBUG_MODE).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pin each rank to the CPU cores nearest its GPU (NUMA). accelerate launch ignores this key from the file; Trainyard honours it.</source>
        <translation>Jeden Rang an die CPU-Kerne binden, die seiner GPU am nächsten sind (NUMA). accelerate launch ignoriert diesen Schlüssel aus der Datei; Trainyard berücksichtigt ihn.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>torch.compile (TorchDynamo) settings.</source>
        <translation>Einstellungen für torch.compile (TorchDynamo).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total number of processes over all machines.</source>
        <translation>Gesamtzahl der Prozesse über alle Rechner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rank of this machine, from 0 to num_machines - 1.</source>
        <translation>Rang dieses Rechners, von 0 bis num_machines - 1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of machines.</source>
        <translation>Anzahl der Rechner.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPUs to use, as &apos;all&apos; or a comma-separated list such as &apos;0,1&apos;; quote a single id.</source>
        <translation>Zu verwendende GPUs, als &apos;all&apos; oder kommagetrennte Liste wie &apos;0,1&apos;; setzen Sie eine einzelne ID in Anführungszeichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address of machine 0, needed with several machines.</source>
        <translation>Adresse von Rechner 0, nötig bei mehreren Rechnern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port of the rendezvous on machine 0; 0 picks a free port; empty means 29500.</source>
        <translation>Port des Rendezvous auf Rechner 0; 0 wählt einen freien Port; leer bedeutet 29500.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>torchrun rendezvous backend (static or c10d); accelerate launch ignores it from the file.</source>
        <translation>Rendezvous-Backend von torchrun (static oder c10d); accelerate launch ignoriert es aus der Datei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whether all machines share a local network; accelerate launch ignores it from the file.</source>
        <translation>Ob sich alle Rechner ein lokales Netzwerk teilen; accelerate launch ignoriert es aus der Datei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TPU only: the function the TPU launcher calls.</source>
        <translation>Nur TPU: die Funktion, die der TPU-Launcher aufruft.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TPU only: store float32 as bfloat16; accelerate launch ignores it from the file.</source>
        <translation>Nur TPU: float32 als bfloat16 speichern; accelerate launch ignoriert es aus der Datei.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TPU pod name.</source>
        <translation>Name des TPU-Pods.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TPU pod zone.</source>
        <translation>Zone des TPU-Pods.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Launch on a TPU pod.</source>
        <translation>Auf einem TPU-Pod starten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run TPU pod commands with sudo.</source>
        <translation>Befehle auf dem TPU-Pod mit sudo ausführen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Script run on every TPU pod worker at start-up.</source>
        <translation>Skript, das beim Start auf jedem Worker des TPU-Pods ausgeführt wird.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commands run on every TPU pod worker at start-up.</source>
        <translation>Befehle, die beim Start auf jedem Worker des TPU-Pods ausgeführt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TPU VM names.</source>
        <translation>Namen der TPU-VMs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment variables for TPU pod workers.</source>
        <translation>Umgebungsvariablen für die Worker des TPU-Pods.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SageMaker EC2 instance type.</source>
        <translation>EC2-Instanztyp für SageMaker.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SageMaker IAM role.</source>
        <translation>IAM-Rolle für SageMaker.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>FSDP version: 1 (FullyShardedDataParallel) or 2 (fully_shard).</source>
        <translation>FSDP-Version: 1 (FullyShardedDataParallel) oder 2 (fully_shard).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FSDP1: how parameters, gradients and optimizer states are sharded.</source>
        <translation>FSDP1: wie Parameter, Gradienten und Optimiererzustände geshardet werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>FSDP2: free gathered parameters after forward (true/false). accelerate&apos;s FSDP1 questionnaire stores the sharding strategy here.</source>
        <translation>FSDP2: gesammelte Parameter nach dem Forward freigeben (true/false). Der FSDP1-Fragebogen von accelerate legt hier die Sharding-Strategie ab.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Offload parameters and gradients to the CPU.</source>
        <translation>Parameter und Gradienten auf die CPU auslagern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SIZE_BASED_WRAP: minimum parameters of a wrapped module.</source>
        <translation>SIZE_BASED_WRAP: Mindestzahl an Parametern eines gewrappten Moduls.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How modules are wrapped into FSDP units.</source>
        <translation>Wie Module in FSDP-Einheiten gewrappt werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TRANSFORMER_BASED_WRAP: comma-separated layer class names, e.g. LlamaDecoderLayer.</source>
        <translation>TRANSFORMER_BASED_WRAP: kommagetrennte Klassennamen von Schichten, z. B. LlamaDecoderLayer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>FSDP1: when to prefetch the next parameters in backward.</source>
        <translation>FSDP1: wann die nächsten Parameter im Backward vorab geladen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How checkpoints are gathered when saved.</source>
        <translation>Wie Checkpoints beim Speichern zusammengeführt werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FSDP1: prefetch the next parameters in forward.</source>
        <translation>FSDP1: die nächsten Parameter im Forward vorab laden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FSDP1: keep the original parameters (needed for torch.compile).</source>
        <translation>FSDP1: die ursprünglichen Parameter behalten (nötig für torch.compile).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load the checkpoint on rank 0 only; needs fsdp_sync_module_states under FSDP1.</source>
        <translation>Den Checkpoint nur auf Rang 0 laden; braucht unter FSDP1 fsdp_sync_module_states.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Broadcast rank 0&apos;s module states to every rank.</source>
        <translation>Die Modulzustände von Rang 0 an alle Ränge verteilen (Broadcast).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recompute activations in backward to save memory.</source>
        <translation>Aktivierungen im Backward neu berechnen, um Speicher zu sparen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Modules FSDP leaves alone (a regular expression).</source>
        <translation>Module, die FSDP unberührt lässt (ein regulärer Ausdruck).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A DeepSpeed JSON config; when set, the other DeepSpeed fields and mixed_precision must be left out.</source>
        <translation>Eine DeepSpeed-JSON-Konfiguration; wenn gesetzt, müssen die anderen DeepSpeed-Felder und mixed_precision weggelassen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ZeRO stage, 0 to 3.</source>
        <translation>ZeRO-Stufe, 0 bis 3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ZeRO 2/3: where optimizer states live.</source>
        <translation>ZeRO 2/3: wo die Optimiererzustände liegen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ZeRO 3: where parameters live.</source>
        <translation>ZeRO 3: wo die Parameter liegen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NVMe folder for offloaded optimizer states.</source>
        <translation>NVMe-Ordner für ausgelagerte Optimiererzustände.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NVMe folder for offloaded parameters.</source>
        <translation>NVMe-Ordner für ausgelagerte Parameter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Micro-batches accumulated before each optimizer step.</source>
        <translation>Micro-Batches, die vor jedem Optimiererschritt akkumuliert werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clip gradients to this norm.</source>
        <translation>Gradienten auf diese Norm begrenzen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Build the model under deepspeed.zero.Init (ZeRO 3).</source>
        <translation>Das Modell unter deepspeed.zero.Init aufbauen (ZeRO 3).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ZeRO 3: gather and save 16-bit weights.</source>
        <translation>ZeRO 3: 16-Bit-Gewichte zusammenführen und speichern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How DeepSpeed starts ranks on several machines.</source>
        <translation>Wie DeepSpeed Ränge auf mehreren Rechnern startet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DeepSpeed hostfile for several machines.</source>
        <translation>DeepSpeed-Hostdatei für mehrere Rechner.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comma-separated mixture-of-experts layer classes.</source>
        <translation>Kommagetrennte Klassen von Mixture-of-Experts-Schichten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tensor parallel degree.</source>
        <translation>Grad der Tensorparallelität.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pipeline parallel degree.</source>
        <translation>Grad der Pipeline-Parallelität.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>torch.compile backend, e.g. INDUCTOR; quote &apos;NO&apos;.</source>
        <translation>Backend von torch.compile, z. B. INDUCTOR; setzen Sie &apos;NO&apos; in Anführungszeichen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>FP8 library.</source>
        <translation>FP8-Bibliothek.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>MPI hostfile for multi-CPU runs.</source>
        <translation>MPI-Hostdatei für Multi-CPU-Läufe.</translation>
    </message>
</context>
<context>
    <name>trainyard::slurm::SlurmText</name>
    <message>
        <location filename="../engine/slurm/slurm.cpp" line="+48"/>
        <source>%1 was not found: is Slurm&apos;s client installed (slurm-client)?</source>
        <translation>%1 wurde nicht gefunden: ist der Slurm-Client installiert (slurm-client)?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exited with %2</source>
        <translation>%1 wurde mit %2 beendet</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>sbatch printed no job id: %1</source>
        <translation>sbatch hat keine Job-ID ausgegeben: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>SLURM_JOB_NODELIST is not set: not inside a Slurm job</source>
        <translation>SLURM_JOB_NODELIST ist nicht gesetzt: nicht innerhalb eines Slurm-Jobs</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>scontrol shows no NodeAddr for node %1</source>
        <translation>scontrol zeigt keine NodeAddr für Knoten %1</translation>
    </message>
</context>
<context>
    <name>trainyard::tb::TbText</name>
    <message>
        <location filename="../trackers/import/tfevents.cpp" line="+247"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+9"/>
        <source>%1: offset %2: the record&apos;s length fails its check; %3 bytes skipped</source>
        <translation>%1: Offset %2: die Länge des Datensatzes besteht die Prüfung nicht; %3 Bytes übersprungen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: offset %2: a record of %3 bytes (more than %4) skipped</source>
        <translation>%1: Offset %2: ein Datensatz von %3 Bytes (mehr als %4) übersprungen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: offset %2: the record&apos;s data fails its check; skipped</source>
        <translation>%1: Offset %2: die Daten des Datensatzes bestehen die Prüfung nicht; übersprungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: offset %2: the record is not a TensorBoard event; skipped</source>
        <translation>%1: Offset %2: der Datensatz ist kein TensorBoard-Event; übersprungen</translation>
    </message>
</context>
</TS>
