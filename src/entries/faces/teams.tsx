/** The Teams meeting page (side panel / details tab): the participant's face in the meeting chat the host names (`?chat=`). */
import { ParticipantPanel } from '../../views/faces/ParticipantPanel';
import { mountFace } from './mount';

mountFace((url) => <ParticipantPanel chatId={url.searchParams.get('chat') ?? ''} />);
