import { DocumentShelf } from '../components/DocumentShelf';
import { useCall } from '../transport/transport-context';

/** My profile (issue #14): the résumés and job postings interviews can be tailored to. */
export function ProfileScreen() {
  const names = useCall('skills.names', undefined);
  const suggestions = names.state.status === 'ready' ? names.state.data : [];
  return (
    <>
      <h1>My profile</h1>
      <p className="muted">Your résumé and the jobs you practise for. Interviews ask about what they say; correct anything that was read wrongly.</p>
      <div className="profile-shelves">
        <DocumentShelf kind="resume" suggestions={suggestions} />
        <DocumentShelf kind="posting" suggestions={suggestions} />
      </div>
    </>
  );
}
